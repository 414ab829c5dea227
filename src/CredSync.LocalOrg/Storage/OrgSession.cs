namespace CredSync.LocalOrg;

/// <summary>One request's exclusive view of the data folder; disposing it releases the lock.</summary>
internal sealed class OrgSession : IDisposable
{
    private readonly OrgStore _store;
    private readonly FileStream _folderLock;
    private readonly SemaphoreSlim _gate;
    private bool _orgChanged;
    private bool _stateChanged;
    private bool _disposed;

    public OrgSession(
        OrgStore store,
        FileStream folderLock,
        SemaphoreSlim gate,
        OrgFile org,
        OrgState state,
        SecretCipher cipher)
    {
        _store = store;
        _folderLock = folderLock;
        _gate = gate;
        Org = org;
        State = state;
        Cipher = cipher;
    }

    public OrgFile Org { get; }

    public OrgState State { get; }

    public SecretCipher Cipher { get; }

    public void OrgChanged()
    {
        _orgChanged = true;
    }

    public void StateChanged()
    {
        _stateChanged = true;
    }

    /// <summary>Forgets changes to the state made by a request that then failed.</summary>
    /// <remarks>A failed request's edits exist only in memory; without the flag they are never saved.</remarks>
    public void DiscardStateChanges()
    {
        _stateChanged = false;
    }

    /// <summary>Writes the files that changed; calling it again writes nothing new.</summary>
    public void Commit()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_stateChanged)
        {
            _store.Save(State);
            _stateChanged = false;
        }

        if (_orgChanged)
        {
            _store.Save(Org);
            _orgChanged = false;
        }
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _folderLock.Dispose();
        _gate.Release();
    }
}
