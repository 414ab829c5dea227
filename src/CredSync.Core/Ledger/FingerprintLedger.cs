using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CredSync.Core.Diagnostics;

namespace CredSync.Core.Ledger;

/// <summary>
/// The record of which credential keys CredSync wrote, per org and address, with an
/// HMAC-SHA-256 fingerprint of each value. The org never reveals encrypted values, so this is
/// how a rotated secret is noticed; and like kubectl's last-applied record it says which keys
/// CredSync owns (and may delete) versus keys someone else put there. The HMAC key is never
/// stored in the ledger file, so the file alone cannot be used to guess short secrets.
/// <para>
/// During an apply, each change is appended to a journal beside the file (<see cref="Commit"/>)
/// and the file itself is rewritten once at the end (<see cref="Save"/>): a record made after
/// every call, without rewriting the whole ledger every time. Opening replays a journal left
/// by an apply that was killed.
/// </para>
/// </summary>
public sealed class FingerprintLedger
{
    private const string FormatVersion = "1";

    /// <summary>The shortest HMAC key accepted: 128 bits.</summary>
    public const int MinimumKeyBytes = 16;

    private readonly string _path;
    private readonly byte[] _key;
    private readonly TimeProvider _time;
    private readonly Dictionary<string, Dictionary<string, Dictionary<string, LedgerEntry>>> _orgs;
    private readonly List<JsonObject> _pending = [];

    private FingerprintLedger(
        string path,
        byte[] key,
        TimeProvider time,
        Dictionary<string, Dictionary<string, Dictionary<string, LedgerEntry>>> orgs,
        bool keyMatches)
    {
        _path = path;
        _key = key;
        _time = time;
        _orgs = orgs;
        KeyMatches = keyMatches;
    }

    /// <summary>False when the file was written with another HMAC key: its fingerprints cannot match.</summary>
    public bool KeyMatches { get; }

    public string Path => _path;

    public static FingerprintLedger Open(string path, byte[] key, TimeProvider? time = null)
    {
        var orgs = new Dictionary<string, Dictionary<string, Dictionary<string, LedgerEntry>>>(StringComparer.Ordinal);
        var keyMatches = true;

        if (File.Exists(path))
        {
            try
            {
                var root = JsonNode.Parse(File.ReadAllText(path));

                keyMatches = root?["key_check"]?.GetValue<string>() == KeyCheck(key);

                foreach (var (org, addresses) in root?["orgs"] as JsonObject ?? [])
                {
                    var byAddress = orgs[org] = new(StringComparer.Ordinal);

                    foreach (var (address, keys) in addresses as JsonObject ?? [])
                    {
                        var byKey = byAddress[address] = new(StringComparer.Ordinal);

                        foreach (var (name, entry) in keys as JsonObject ?? [])
                        {
                            byKey[name] = new LedgerEntry(
                                Required(entry, "fingerprint").GetValue<string>(),
                                Required(entry, "encrypted").GetValue<bool>(),
                                Required(entry, "written_at").GetValue<DateTimeOffset>());
                        }
                    }
                }
            }
            catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
            {
                // A hand-edited or truncated file: wrong types and missing fields are as bad as broken JSON.
                var detail = e is JsonException ? e.Message + " " : "";

                throw new InvalidInputException(Diagnostic.Error(
                    $"The ledger '{path}' is not valid JSON.",
                    $"{detail}Restore it from backup, or delete it: CredSync will then set every declared value once more."));
            }
        }

        var ledger = new FingerprintLedger(path, key, time ?? TimeProvider.System, orgs, keyMatches);
        ledger.Replay();

        return ledger;
    }

    private string JournalPath => _path + ".journal";

    /// <summary>Applies the journal an interrupted apply left, line by line; a torn last line is ignored.</summary>
    private void Replay()
    {
        if (!File.Exists(JournalPath))
        {
            return;
        }

        foreach (var line in File.ReadLines(JournalPath))
        {
            JsonNode? entry;

            try
            {
                entry = JsonNode.Parse(line);
            }
            catch (JsonException)
            {
                // The process was killed while writing this line; the call it records is
                // treated as not recorded, and the next plan sets that value once more.
                continue;
            }

            var org = entry?["org"]?.GetValue<string>();
            var address = entry?["address"]?.GetValue<string>();

            if (org is null || address is null)
            {
                continue;
            }

            switch (entry!["op"]?.GetValue<string>())
            {
                case "record":
                    Apply(org, address, entry["key"]!.GetValue<string>(), new LedgerEntry(
                        entry["fingerprint"]!.GetValue<string>(),
                        entry["encrypted"]!.GetValue<bool>(),
                        entry["written_at"]!.GetValue<DateTimeOffset>()));
                    break;
                case "forget":
                    RemoveKey(org, address, entry["key"]?.GetValue<string>());
                    break;
                case "forget_under":
                    RemoveUnder(org, address);
                    break;
            }
        }
    }

    /// <summary>
    /// The fingerprint of a value as written to one key of one principal in one org. The org,
    /// address and key are part of the message, so equal values elsewhere do not show as equal.
    /// </summary>
    public string Fingerprint(string org, string address, string key, string value)
    {
        var message = Encoding.UTF8.GetBytes($"{org}\n{address}\n{key}\n{value}");

        return "hmac-sha256:" + Convert.ToHexStringLower(HMACSHA256.HashData(_key, message));
    }

    public LedgerEntry? Get(string org, string address, string key) =>
        KeyMatches &&
        _orgs.TryGetValue(org, out var byAddress) &&
        byAddress.TryGetValue(address, out var byKey) &&
        byKey.TryGetValue(key, out var entry)
            ? entry
            : null;

    /// <summary>The keys CredSync wrote at this address and has not deleted since.</summary>
    public IReadOnlyCollection<string> OwnedKeys(string org, string address) =>
        _orgs.TryGetValue(org, out var byAddress) && byAddress.TryGetValue(address, out var byKey)
            ? byKey.Keys.ToList()
            : [];

    /// <summary>Every address the ledger holds keys for in one org.</summary>
    public IReadOnlyList<string> Addresses(string org) =>
        _orgs.TryGetValue(org, out var byAddress) ? byAddress.Keys.ToList() : [];

    public void Record(string org, string address, string key, string fingerprint, bool encrypted)
    {
        var entry = new LedgerEntry(fingerprint, encrypted, _time.GetUtcNow());

        Apply(org, address, key, entry);
        _pending.Add(new JsonObject
        {
            ["op"] = "record",
            ["org"] = org,
            ["address"] = address,
            ["key"] = key,
            ["fingerprint"] = fingerprint,
            ["encrypted"] = encrypted,
            ["written_at"] = entry.WrittenAt,
        });
    }

    public void Forget(string org, string address, string? key = null)
    {
        RemoveKey(org, address, key);
        _pending.Add(new JsonObject { ["op"] = "forget", ["org"] = org, ["address"] = address, ["key"] = key });
    }

    /// <summary>Forgets every address at or below a prefix (a deleted external credential and its principals).</summary>
    public void ForgetUnder(string org, string addressPrefix)
    {
        RemoveUnder(org, addressPrefix);
        _pending.Add(new JsonObject { ["op"] = "forget_under", ["org"] = org, ["address"] = addressPrefix });
    }

    /// <summary>
    /// Makes the changes since the last commit durable by appending them to the journal; cheap
    /// whatever the size of the ledger.
    /// </summary>
    public void Commit()
    {
        if (_pending.Count == 0)
        {
            return;
        }

        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(JournalPath))!);

        using (var stream = new FileStream(JournalPath, FileMode.Append, FileAccess.Write, FileShare.None))
        using (var writer = new StreamWriter(stream))
        {
            foreach (var line in _pending)
            {
                writer.Write(line.ToJsonString() + "\n");
            }

            writer.Flush();
            stream.Flush(flushToDisk: true);
        }

        _pending.Clear();
    }

    private void Apply(string org, string address, string key, LedgerEntry entry)
    {
        var byAddress = _orgs.TryGetValue(org, out var a) ? a : _orgs[org] = new(StringComparer.Ordinal);
        var byKey = byAddress.TryGetValue(address, out var k) ? k : byAddress[address] = new(StringComparer.Ordinal);

        byKey[key] = entry;
    }

    private void RemoveKey(string org, string address, string? key)
    {
        if (!_orgs.TryGetValue(org, out var byAddress) || !byAddress.TryGetValue(address, out var byKey))
        {
            return;
        }

        if (key is null)
        {
            byAddress.Remove(address);
        }
        else
        {
            byKey.Remove(key);

            if (byKey.Count == 0)
            {
                byAddress.Remove(address);
            }
        }
    }

    private void RemoveUnder(string org, string addressPrefix)
    {
        if (!_orgs.TryGetValue(org, out var byAddress))
        {
            return;
        }

        foreach (var address in byAddress.Keys.Where(a => a == addressPrefix || a.StartsWith(addressPrefix + ".", StringComparison.Ordinal)).ToList())
        {
            byAddress.Remove(address);
        }
    }

    /// <summary>
    /// Writes the whole ledger atomically (a crash leaves either the old file or the new one)
    /// and folds the journal into it.
    /// </summary>
    public void Save()
    {
        var root = new JsonObject
        {
            ["format_version"] = FormatVersion,
            ["key_check"] = KeyCheck(_key),
            ["orgs"] = new JsonObject(_orgs.OrderBy(o => o.Key, StringComparer.Ordinal).Select(org =>
                KeyValuePair.Create<string, JsonNode?>(org.Key, new JsonObject(org.Value.OrderBy(a => a.Key, StringComparer.Ordinal).Select(address =>
                    KeyValuePair.Create<string, JsonNode?>(address.Key, new JsonObject(address.Value.OrderBy(k => k.Key, StringComparer.Ordinal).Select(key =>
                        KeyValuePair.Create<string, JsonNode?>(key.Key, new JsonObject
                        {
                            ["fingerprint"] = key.Value.Fingerprint,
                            ["encrypted"] = key.Value.Encrypted,
                            ["written_at"] = key.Value.WrittenAt,
                        }))))))))),
        };

        AtomicFile.Write(_path, root.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");

        // Everything in the journal is in the file now.
        _pending.Clear();

        if (File.Exists(JournalPath))
        {
            File.Delete(JournalPath);
        }
    }

    /// <summary>
    /// Reads the HMAC key from a file, creating a random one readable only by its owner when
    /// the file does not exist yet.
    /// </summary>
    public static byte[] LoadOrCreateKeyFile(string path)
    {
        if (File.Exists(path))
        {
            var text = File.ReadAllText(path).Trim();

            byte[] existing;

            try
            {
                existing = Convert.FromBase64String(text);
            }
            catch (FormatException)
            {
                throw new InvalidInputException(Diagnostic.Error(
                    $"The ledger key file '{path}' does not hold a base64 key.",
                    "Restore it, or delete it together with the ledger so that both are made anew."));
            }

            if (existing.Length < MinimumKeyBytes)
            {
                throw new InvalidInputException(Diagnostic.Error(
                    $"The ledger key in '{path}' is too short ({existing.Length} bytes).",
                    $"A weak key lets anyone with the ledger guess short secrets from their fingerprints. Delete the file (and the ledger) so that a new 32-byte key is made, or put at least {MinimumKeyBytes} random bytes in it."));
            }

            return existing;
        }

        var key = RandomNumberGenerator.GetBytes(32);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);

        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };

        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var stream = new FileStream(path, options))
        using (var writer = new StreamWriter(stream))
        {
            writer.Write(Convert.ToBase64String(key) + "\n");
        }

        return key;
    }

    /// <summary>A key derived from secret text (the ledger.key reference), stretched to 32 bytes.</summary>
    public static byte[] KeyFromSecret(string secret)
    {
        if (secret.Length < MinimumKeyBytes)
        {
            throw new InvalidInputException(Diagnostic.Error(
                $"The ledger key (ledger.key) is too short ({secret.Length} characters).",
                $"A weak key lets anyone with the ledger guess short secrets from their fingerprints. Use at least {MinimumKeyBytes} random characters, for example from 'openssl rand -base64 32'."));
        }

        return SHA256.HashData(Encoding.UTF8.GetBytes("credsync-ledger-key\n" + secret));
    }

    private static JsonNode Required(JsonNode? entry, string field) =>
        entry?[field] ?? throw new JsonException($"A ledger entry has no '{field}'.");

    private static string KeyCheck(byte[] key) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(key, "credsync-ledger-key-check"u8.ToArray()))[..16];
}
