namespace CredSync.Core.Planning;

/// <summary>What happens to one credential key.</summary>
public enum KeyChangeKind
{
    /// <summary>The org does not hold the key: it is set.</summary>
    Add,

    /// <summary>The org holds the key with another (or an unknown) value: it is set.</summary>
    Change,

    /// <summary>CredSync wrote the key earlier and the file no longer declares it: it is deleted.</summary>
    Remove,

    /// <summary>The org holds a key CredSync never wrote and the file does not declare: left alone.</summary>
    Unmanaged,
}
