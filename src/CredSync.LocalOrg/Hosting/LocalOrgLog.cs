using Microsoft.Extensions.Logging;

namespace CredSync.LocalOrg;

/// <summary>The server's log events. None of them carries a request body or a query value.</summary>
internal static partial class LocalOrgLog
{
    [LoggerMessage(
        EventId = 1,
        Level = LogLevel.Information,
        Message = "Local org listening on {InstanceUrl} with data in '{DataDirectory}'")]
    public static partial void Listening(ILogger logger, Uri instanceUrl, string dataDirectory);

    [LoggerMessage(EventId = 2, Level = LogLevel.Debug, Message = "{Method} {Route} answered {Status}")]
    public static partial void Answered(ILogger logger, string method, string route, int status);

    [LoggerMessage(EventId = 3, Level = LogLevel.Error, Message = "{Method} {Route} failed")]
    public static partial void Failed(ILogger logger, Exception exception, string method, string route);
}
