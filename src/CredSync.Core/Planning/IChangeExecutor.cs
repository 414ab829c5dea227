namespace CredSync.Core.Planning;

/// <summary>Makes one API call of a planned change against an org.</summary>
public interface IChangeExecutor
{
    /// <summary>Returns the HTTP status of a successful call; throws when the call failed.</summary>
    Task<int> ExecuteAsync(PlannedChange change, ApiCall call, CancellationToken cancellationToken);

    /// <summary>How the call reads in output, with the API version in its path.</summary>
    string Describe(ApiCall call);
}
