using Microsoft.Extensions.Logging;

namespace CredSync.LocalOrg;

/// <summary>Settings for one local org server.</summary>
public sealed class LocalOrgOptions
{
    /// <summary>The folder that holds the org's files; it is created on first use.</summary>
    public required string DataDirectory { get; init; }

    /// <summary>The TCP port on 127.0.0.1; 0 picks a free one.</summary>
    public int Port { get; init; }

    /// <summary>The newest API version the org serves, as <c>NN.0</c>.</summary>
    public string MaxApiVersion { get; init; } = "66.0";

    /// <summary>The number of counted API requests allowed in any 24 hours.</summary>
    public long DailyApiLimit { get; init; } = 15000;

    /// <summary>How encrypted credential values are shown on read.</summary>
    public EncryptedReadback EncryptedReadback { get; init; } = EncryptedReadback.Masked;

    /// <summary>Where the server logs; when null nothing is logged at all.</summary>
    public ILoggerFactory? LoggerFactory { get; init; }

    /// <summary>The clock used for the 24-hour usage window.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>How long a request waits for the data folder's lock before it gives up.</summary>
    public TimeSpan LockTimeout { get; init; } = TimeSpan.FromSeconds(10);
}
