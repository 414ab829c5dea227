using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace CredSync.LocalOrg;

/// <summary>
/// The org's data folder. Every request opens a session that holds an exclusive lock on the
/// folder, reads the files, and writes back only what changed, so any number of servers, in one
/// process or many, can share the folder.
/// </summary>
internal sealed class OrgStore
{
    public const string OrgFileName = "org.json";
    public const string StateFileName = "state.json";
    public const string KeyFileName = "org.key";
    public const string LockFileName = ".lock";

    // A file lock alone would also serialize servers within one process, but waiting on a
    // semaphore is cheaper than polling the file.
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> FolderGates =
        new(OperatingSystem.IsWindows() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);

    private static readonly TimeSpan LockRetryDelay = TimeSpan.FromMilliseconds(10);

    private readonly SemaphoreSlim _gate;
    private readonly TimeProvider _time;
    private readonly TimeSpan _lockTimeout;
    private SecretCipher? _cipher;

    public OrgStore(string directory, TimeProvider time, TimeSpan lockTimeout)
    {
        Directory = Path.GetFullPath(directory);
        _gate = FolderGates.GetOrAdd(Directory, _ => new SemaphoreSlim(1, 1));
        _time = time;
        _lockTimeout = lockTimeout;
    }

    public string Directory { get; }

    public async Task<OrgSession> OpenAsync(CancellationToken ct)
    {
        var started = _time.GetTimestamp();
        if (!await _gate.WaitAsync(_lockTimeout, ct))
        {
            throw ApiException.Busy();
        }

        FileStream? folderLock = null;
        try
        {
            PrivateFile.CreateDirectory(Directory);
            folderLock = await LockFolderAsync(started, ct);
            var org = LoadOrCreateOrg();
            var cipher = _cipher ??= new SecretCipher(LoadOrCreateKey());
            var state = Load(StateFileName, StateJsonContext.Default.OrgState) ?? new OrgState();

            return new OrgSession(this, folderLock, _gate, org, state, cipher);
        }
        catch
        {
            folderLock?.Dispose();
            _gate.Release();
            throw;
        }
    }

    internal void Save(OrgFile org)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(org, StateJsonContext.Default.OrgFile);
        PrivateFile.Replace(PathOf(OrgFileName), bytes);
    }

    internal void Save(OrgState state)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(state, StateJsonContext.Default.OrgState);
        PrivateFile.Replace(PathOf(StateFileName), bytes);
    }

    private async Task<FileStream> LockFolderAsync(long started, CancellationToken ct)
    {
        var path = PathOf(LockFileName);
        while (true)
        {
            try
            {
                return PrivateFile.OpenExclusive(path);
            }
            catch (IOException) when (_time.GetElapsedTime(started) < _lockTimeout)
            {
                await Task.Delay(LockRetryDelay, _time, ct);
            }
            catch (IOException)
            {
                throw ApiException.Busy();
            }
        }
    }

    private OrgFile LoadOrCreateOrg()
    {
        var existing = Load(OrgFileName, StateJsonContext.Default.OrgFile);
        if (existing is not null)
        {
            return existing;
        }

        var organizationId = Ids.New(Ids.Organization);
        var org = new OrgFile
        {
            OrganizationId = organizationId,
            UserId = Ids.New(Ids.User),
            Username = $"admin@{organizationId.ToLowerInvariant()}.local-org.credsync",
            AccessToken = Ids.AccessToken(organizationId),
            CreatedAt = _time.GetUtcNow(),
        };
        Save(org);

        return org;
    }

    private byte[] LoadOrCreateKey()
    {
        var path = PathOf(KeyFileName);
        if (File.Exists(path))
        {
            return File.ReadAllBytes(path);
        }

        var key = RandomNumberGenerator.GetBytes(SecretCipher.KeySize);
        PrivateFile.CreateNew(path, key);

        return key;
    }

    private T? Load<T>(string fileName, JsonTypeInfo<T> type)
        where T : class
    {
        var path = PathOf(fileName);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(File.ReadAllBytes(path), type)
                ?? throw new InvalidDataException($"The local org file '{path}' is empty.");
        }
        catch (JsonException)
        {
            // The parser's own message may quote file content; this one does not.
            throw new InvalidDataException($"The local org file '{path}' is not valid JSON.");
        }
    }

    private string PathOf(string fileName)
    {
        return Path.Combine(Directory, fileName);
    }
}
