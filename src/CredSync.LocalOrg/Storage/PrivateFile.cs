namespace CredSync.LocalOrg;

/// <summary>Writes files only the current user can read, and replaces them atomically.</summary>
internal static class PrivateFile
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Creates a new file; fails if it already exists.</summary>
    public static void CreateNew(string path, ReadOnlySpan<byte> content)
    {
        using var stream = new FileStream(path, Options(FileMode.CreateNew));
        stream.Write(content);
        stream.Flush(flushToDisk: true);
    }

    /// <summary>Writes a temporary file next to the target, then moves it over the target.</summary>
    /// <remarks>A reader therefore sees either the old content or the new, never a torn file.</remarks>
    public static void Replace(string path, ReadOnlySpan<byte> content)
    {
        var temp = $"{path}.{Ids.Suffix()}.tmp";
        try
        {
            CreateNew(temp, content);
            File.Move(temp, path, overwrite: true);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }

    /// <summary>Opens, creating if needed, a file no other stream may open while this one is.</summary>
    /// <remarks>
    /// On Unix, .NET backs <see cref="FileShare.None"/> with an advisory lock that other .NET
    /// processes honour, which is what makes this usable as a lock between servers.
    /// </remarks>
    public static FileStream OpenExclusive(string path)
    {
        var options = Options(FileMode.OpenOrCreate);
        options.Access = FileAccess.ReadWrite;

        return new FileStream(path, options);
    }

    /// <summary>Creates a folder only the current user can enter.</summary>
    public static void CreateDirectory(string path)
    {
        if (Directory.Exists(path))
        {
            return;
        }

        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
        }
        else
        {
            Directory.CreateDirectory(path, OwnerOnly | UnixFileMode.UserExecute);
        }
    }

    private static FileStreamOptions Options(FileMode mode)
    {
        var options = new FileStreamOptions
        {
            Mode = mode,
            Access = FileAccess.Write,
            Share = FileShare.None,
        };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerOnly;
        }

        return options;
    }
}
