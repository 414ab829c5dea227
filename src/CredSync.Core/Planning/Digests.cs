using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CredSync.Core.Live;

namespace CredSync.Core.Planning;

/// <summary>
/// Digests of live items for the stale-plan check. Unencrypted credential values go in only
/// through a hash, and encrypted values never reach the planner at all.
/// </summary>
public static class Digests
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = false };

    public static string Of(object? item) =>
        item is null
            ? "absent"
            : "sha256:" + Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(item, item.GetType(), Options)));

    public static string Of(LiveCredentials? credentials) =>
        credentials is null
            ? "absent"
            : Of(new
            {
                credentials.AuthenticationStatus,
                credentials.PrincipalType,
                Values = credentials.Values
                    .OrderBy(v => v.Key, StringComparer.Ordinal)
                    .Select(v => new { v.Key, v.Value.Encrypted, Value = v.Value.Value is null ? null : Hash(v.Value.Value) })
                    .ToList(),
            });

    public static string Combine(IEnumerable<string> parts) =>
        "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\n", parts))));

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
