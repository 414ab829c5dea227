using CredSync.Salesforce;

namespace CredSync.Cli;

/// <summary>
/// An exclusive lock beside the ledger for the whole of an apply, from reading the org to the
/// last ledger save. A second apply on the same ledger waits for the first and then plans
/// against what the first left, instead of repeating its calls and losing its ledger records.
/// </summary>
public sealed class ApplyLock : IDisposable
{
    private readonly FileStream _stream;

    private ApplyLock(FileStream stream)
    {
        _stream = stream;
    }

    public static async Task<ApplyLock> AcquireAsync(string ledgerPath, TimeSpan wait, CancellationToken cancellationToken)
    {
        var path = ledgerPath + ".lock";
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);

        var deadline = DateTimeOffset.UtcNow + wait;

        while (true)
        {
            try
            {
                return new ApplyLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose));
            }
            catch (IOException) when (DateTimeOffset.UtcNow < deadline)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken);
            }
            catch (IOException)
            {
                throw new SalesforceConnectionException(
                    $"Another apply holds '{path}' and did not finish within {wait.TotalSeconds:0} s. Wait for it, or remove the file if no apply is running.");
            }
        }
    }

    public void Dispose() => _stream.Dispose();
}
