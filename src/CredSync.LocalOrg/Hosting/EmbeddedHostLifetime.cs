using Microsoft.Extensions.Hosting;

namespace CredSync.LocalOrg;

/// <summary>
/// A host lifetime that ignores Ctrl+C and SIGTERM. The local org runs inside the CLI, which owns
/// those signals; the default console lifetime would stop the org under the CLI's feet.
/// </summary>
internal sealed class EmbeddedHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken)
    {
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        return Task.CompletedTask;
    }
}
