namespace CredSync.LocalOrg;

/// <summary>One credential value; an encrypted one is kept only as AES-GCM ciphertext.</summary>
internal sealed class StoredCredentialValue
{
    public bool Encrypted { get; set; }

    /// <summary>The value of an unencrypted entry; null for an encrypted one.</summary>
    public string? Value { get; set; }

    /// <summary>The sealed value of an encrypted entry (<see cref="SecretCipher"/>); else null.</summary>
    public string? Sealed { get; set; }

    /// <summary>The principal's revision at the write that last set this entry.</summary>
    public int Revision { get; set; }
}
