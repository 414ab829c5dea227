using System.Security.Cryptography;
using System.Text;

namespace CredSync.LocalOrg;

/// <summary>Seals encrypted credential values with AES-256-GCM under the org's key.</summary>
/// <remarks>
/// The associated data binds each ciphertext to its principal id and key name, so a sealed value
/// copied to another entry of the state file no longer opens.
/// </remarks>
internal sealed class SecretCipher
{
    public const int KeySize = 32;

    private const string FormatTag = "v1:";
    private const int NonceSize = 12;
    private const int TagSize = 16;

    private readonly byte[] _key;

    public SecretCipher(byte[] key)
    {
        if (key.Length != KeySize)
        {
            throw new InvalidDataException("The local org key file does not hold a 256-bit key.");
        }

        _key = key;
    }

    public string Seal(string plaintext, string principalId, string key)
    {
        var plain = Encoding.UTF8.GetBytes(plaintext);
        var output = new byte[NonceSize + TagSize + plain.Length];
        var nonce = output.AsSpan(0, NonceSize);
        var tag = output.AsSpan(NonceSize, TagSize);
        var cipher = output.AsSpan(NonceSize + TagSize);
        RandomNumberGenerator.Fill(nonce);

        using var aes = new AesGcm(_key, TagSize);
        aes.Encrypt(nonce, plain, cipher, tag, AssociatedData(principalId, key));
        CryptographicOperations.ZeroMemory(plain);

        return FormatTag + Convert.ToBase64String(output);
    }

    public string Open(string sealedValue, string principalId, string key)
    {
        // The message names neither the value nor the ciphertext: both are secret material.
        var fail = new InvalidDataException($"The stored value of key '{key}' can't be decrypted.");
        if (!sealedValue.StartsWith(FormatTag, StringComparison.Ordinal))
        {
            throw fail;
        }

        byte[] input;
        try
        {
            input = Convert.FromBase64String(sealedValue[FormatTag.Length..]);
        }
        catch (FormatException)
        {
            throw fail;
        }

        if (input.Length < NonceSize + TagSize)
        {
            throw fail;
        }

        var plain = new byte[input.Length - NonceSize - TagSize];
        try
        {
            using var aes = new AesGcm(_key, TagSize);
            aes.Decrypt(
                input.AsSpan(0, NonceSize),
                input.AsSpan(NonceSize + TagSize),
                input.AsSpan(NonceSize, TagSize),
                plain,
                AssociatedData(principalId, key));
        }
        catch (AuthenticationTagMismatchException)
        {
            throw fail;
        }

        return Encoding.UTF8.GetString(plain);
    }

    private static byte[] AssociatedData(string principalId, string key)
    {
        return Encoding.UTF8.GetBytes(principalId + "\n" + key);
    }
}
