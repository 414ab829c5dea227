namespace CredSync.LocalOrg.Tests;

/// <summary>A fresh folder under the system temp folder, deleted with its content on dispose.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = System.IO.Path.Combine(
            System.IO.Path.GetTempPath(),
            "credsync-localorg-tests",
            Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    /// <summary>The org's data folder inside this one; the server creates it.</summary>
    public string DataDirectory => System.IO.Path.Combine(Path, "local-org");

    public void Dispose()
    {
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }

        // The shared parent goes too once the last test using it is done.
        var parent = System.IO.Path.GetDirectoryName(Path)!;

        try
        {
            if (!Directory.EnumerateFileSystemEntries(parent).Any())
            {
                Directory.Delete(parent);
            }
        }
        catch (IOException)
        {
            // Another test made a folder in it meanwhile; the last one out removes it.
        }
    }
}
