using CredSync.LocalOrg;
using CredSync.Salesforce;

namespace CredSync.Cli.Targets;

/// <summary>A connection to the chosen org, and the local org server behind it when there is one.</summary>
public sealed class OpenOrg(SalesforceOrg org, HttpClient http, LocalOrgServer? server, string description) : IAsyncDisposable
{
    public SalesforceOrg Org => org;

    /// <summary>How the target was chosen, for messages ("the local org in .credsync/local-org").</summary>
    public string Description => description;

    public async ValueTask DisposeAsync()
    {
        http.Dispose();

        if (server is not null)
        {
            await server.DisposeAsync();
        }
    }
}
