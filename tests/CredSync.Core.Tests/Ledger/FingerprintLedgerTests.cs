using System.Text;
using System.Text.Json.Nodes;
using CredSync.Core.Diagnostics;
using CredSync.Core.Ledger;
using CredSync.Core.Tests.Support;

namespace CredSync.Core.Tests.Ledger;

public sealed class FingerprintLedgerTests : IDisposable
{
    private const string Org = "00D000000000001AAA";
    private const string Address = "externalCredential.Stripe.principal.Default";
    private const string Canary = "CANARY-9f1c2e-ledger-secret";

    private static readonly byte[] Key = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();
    private static readonly byte[] OtherKey = Enumerable.Range(100, 32).Select(i => (byte)i).ToArray();

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private string LedgerPath => _temp.File("state/ledger.json");

    private FingerprintLedger CreateSut(byte[]? key = null, TimeProvider? time = null) =>
        FingerprintLedger.Open(LedgerPath, key ?? Key, time);

    [Fact]
    public void Fingerprint_SameInputs_Same()
    {
        var sut = CreateSut();

        Assert.Equal(sut.Fingerprint(Org, Address, "k", "v"), sut.Fingerprint(Org, Address, "k", "v"));
        Assert.StartsWith("hmac-sha256:", sut.Fingerprint(Org, Address, "k", "v"), StringComparison.Ordinal);
    }

    [Fact]
    public void Fingerprint_EqualValueElsewhere_Differs()
    {
        var sut = CreateSut();
        var base_ = sut.Fingerprint(Org, Address, "k", "v");

        Assert.NotEqual(base_, sut.Fingerprint("00D000000000002AAA", Address, "k", "v"));
        Assert.NotEqual(base_, sut.Fingerprint(Org, Address + "2", "k", "v"));
        Assert.NotEqual(base_, sut.Fingerprint(Org, Address, "k2", "v"));
        Assert.NotEqual(base_, sut.Fingerprint(Org, Address, "k", "v2"));
    }

    [Fact]
    public void Fingerprint_OtherHmacKey_Differs()
    {
        var sut = CreateSut();
        var other = FingerprintLedger.Open(_temp.File("other.json"), OtherKey);

        Assert.NotEqual(sut.Fingerprint(Org, Address, "k", "v"), other.Fingerprint(Org, Address, "k", "v"));
    }

    [Fact]
    public void Record_ThenGet_ReturnsTheEntry()
    {
        var time = new ManualTime(new DateTimeOffset(2025, 3, 4, 5, 6, 7, TimeSpan.Zero));
        var sut = CreateSut(time: time);

        sut.Record(Org, Address, "ApiKey", "hmac-sha256:aa", encrypted: true);

        Assert.Equal(new LedgerEntry("hmac-sha256:aa", true, time.Now), sut.Get(Org, Address, "ApiKey"));
        Assert.Null(sut.Get(Org, Address, "Other"));
        Assert.Null(sut.Get("00D0000000000OTHER", Address, "ApiKey"));
    }

    [Fact]
    public void OwnedKeys_ListsRecordedKeysOfThatAddressOnly()
    {
        var sut = CreateSut();
        sut.Record(Org, Address, "a", "f1", true);
        sut.Record(Org, Address, "b", "f2", false);
        sut.Record(Org, Address + "x", "c", "f3", true);

        Assert.Equal(["a", "b"], sut.OwnedKeys(Org, Address).Order(StringComparer.Ordinal));
        Assert.Empty(sut.OwnedKeys("other-org", Address));
    }

    [Fact]
    public void Forget_OneKey_KeepsTheOthers()
    {
        var sut = CreateSut();
        sut.Record(Org, Address, "a", "f1", true);
        sut.Record(Org, Address, "b", "f2", true);

        sut.Forget(Org, Address, "a");

        Assert.Equal(["b"], sut.OwnedKeys(Org, Address));
    }

    [Fact]
    public void Forget_LastKey_DropsTheAddress()
    {
        var sut = CreateSut();
        sut.Record(Org, Address, "a", "f1", true);

        sut.Forget(Org, Address, "a");

        Assert.DoesNotContain(Address, sut.Addresses(Org));
    }

    [Fact]
    public void Forget_WholeAddress_DropsEveryKey()
    {
        var sut = CreateSut();
        sut.Record(Org, Address, "a", "f1", true);
        sut.Record(Org, Address, "b", "f2", true);

        sut.Forget(Org, Address);

        Assert.Empty(sut.OwnedKeys(Org, Address));
    }

    [Fact]
    public void Forget_UnknownOrgOrAddress_DoesNothing()
    {
        var sut = CreateSut();
        sut.Record(Org, Address, "a", "f1", true);

        sut.Forget("nope", Address, "a");
        sut.Forget(Org, "nope", "a");

        Assert.Equal(["a"], sut.OwnedKeys(Org, Address));
    }

    [Fact]
    public void ForgetUnder_ExternalCredential_DropsItsPrincipalsButNotSimilarNames()
    {
        var sut = CreateSut();
        sut.Record(Org, "externalCredential.Stripe.principal.A", "k", "f", true);
        sut.Record(Org, "externalCredential.Stripe.principal.B", "k", "f", true);
        sut.Record(Org, "externalCredential.StripeTwo.principal.A", "k", "f", true);
        sut.Record("other-org", "externalCredential.Stripe.principal.A", "k", "f", true);

        sut.ForgetUnder(Org, "externalCredential.Stripe");

        Assert.Equal(["externalCredential.StripeTwo.principal.A"], sut.Addresses(Org));
        Assert.Equal(["k"], sut.OwnedKeys("other-org", "externalCredential.Stripe.principal.A"));
    }

    [Fact]
    public void Save_ThenOpen_RoundTrips()
    {
        var time = new ManualTime(new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.Zero));
        var sut = CreateSut(time: time);
        sut.Record(Org, Address, "ApiKey", sut.Fingerprint(Org, Address, "ApiKey", "v"), true);
        sut.Record(Org, Address, "Account", sut.Fingerprint(Org, Address, "Account", "w"), false);

        sut.Save();
        var reopened = CreateSut();

        Assert.True(reopened.KeyMatches);
        Assert.Equal(sut.Get(Org, Address, "ApiKey"), reopened.Get(Org, Address, "ApiKey"));
        Assert.Equal(new LedgerEntry(sut.Fingerprint(Org, Address, "Account", "w"), false, time.Now),
            reopened.Get(Org, Address, "Account"));
        Assert.Equal(["Account", "ApiKey"], reopened.OwnedKeys(Org, Address).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Save_LeavesNoTempFileBehind()
    {
        var sut = CreateSut();
        sut.Record(Org, Address, "k", "f", true);

        sut.Save();
        sut.Save();

        Assert.Equal(["ledger.json"], Directory.GetFiles(Path.GetDirectoryName(LedgerPath)!).Select(Path.GetFileName));
    }

    [Fact]
    public void Open_FileWrittenWithAnotherKey_KeyMismatchAndNoEntries()
    {
        var writer = CreateSut(OtherKey);
        writer.Record(Org, Address, "k", "f", true);
        writer.Save();

        var sut = CreateSut(Key);

        Assert.False(sut.KeyMatches);
        Assert.Null(sut.Get(Org, Address, "k"));
    }

    [Fact]
    public void Open_NoFile_EmptyAndKeyMatches()
    {
        var sut = CreateSut();

        Assert.True(sut.KeyMatches);
        Assert.Empty(sut.Addresses(Org));
        Assert.False(File.Exists(LedgerPath));
    }

    [Theory]
    [InlineData("{ not json")]
    [InlineData("{\"orgs\": {\"o\": {\"a\": {\"k\": {")]
    [InlineData("{\"orgs\": {\"o\": {\"a\": {\"k\": {}}}}}")]
    [InlineData(
        "{\"orgs\": {\"o\": {\"a\": {\"k\": {\"fingerprint\": 1, \"encrypted\": true, \"written_at\": " +
        "\"2025-01-01T00:00:00Z\"}}}}}")]
    [InlineData(
        "{\"orgs\": {\"o\": {\"a\": {\"k\": {\"fingerprint\": \"f\", \"encrypted\": true, \"written_at\": " +
        "\"yesterday\"}}}}}")]
    [InlineData("{\"orgs\": {\"o\": {\"a\": {\"k\": null}}}}")]
    public void Open_CorruptFile_InvalidInputNamingTheFile(string content)
    {
        _temp.Write("state/ledger.json", content);

        var e = Assert.Throws<InvalidInputException>(() => CreateSut());

        Assert.Contains(LedgerPath, Assert.Single(e.Diagnostics).Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Save_FingerprintedCanary_NeverInTheFile()
    {
        var sut = CreateSut();
        sut.Record(Org, Address, "ApiKey", sut.Fingerprint(Org, Address, "ApiKey", Canary), true);
        sut.Record(Org, Address, "Plain", sut.Fingerprint(Org, Address, "Plain", Canary), false);

        sut.Save();

        var text = File.ReadAllText(LedgerPath);
        Assert.DoesNotContain(Canary, text, StringComparison.Ordinal);
        Assert.DoesNotContain(Canary[..12], text, StringComparison.Ordinal);
        Assert.DoesNotContain(Convert.ToBase64String(Key), text, StringComparison.Ordinal);
        Assert.DoesNotContain(Convert.ToHexString(Key), text, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("1", JsonNode.Parse(text)!["format_version"]!.GetValue<string>());
    }

    [Fact]
    public void LoadOrCreateKeyFile_NoFile_CreatesOwnerOnly32ByteKey()
    {
        var path = _temp.File("keys/ledger.key");

        var key = FingerprintLedger.LoadOrCreateKeyFile(path);

        Assert.Equal(32, key.Length);
        Assert.Equal(Convert.ToBase64String(key), File.ReadAllText(path).Trim());

        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }
    }

    [Fact]
    public void LoadOrCreateKeyFile_SecondCall_SameKey()
    {
        var path = _temp.File("ledger.key");

        var first = FingerprintLedger.LoadOrCreateKeyFile(path);
        var second = FingerprintLedger.LoadOrCreateKeyFile(path);

        Assert.Equal(first, second);
    }

    [Fact]
    public void LoadOrCreateKeyFile_TwoNewFiles_DifferentKeys()
    {
        Assert.NotEqual(
            FingerprintLedger.LoadOrCreateKeyFile(_temp.File("a.key")),
            FingerprintLedger.LoadOrCreateKeyFile(_temp.File("b.key")));
    }

    [Fact]
    public void LoadOrCreateKeyFile_NotBase64_InvalidInput()
    {
        var path = _temp.Write("ledger.key", "this is not base64!\n");

        var e = Assert.Throws<InvalidInputException>(() => FingerprintLedger.LoadOrCreateKeyFile(path));

        Assert.Contains("does not hold a base64 key", Assert.Single(e.Diagnostics).Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void KeyFromSecret_SameOrOtherSecret_Deterministic32Bytes()
    {
        var a = FingerprintLedger.KeyFromSecret("one-0123456789abcdef");

        Assert.Equal(32, a.Length);
        Assert.Equal(a, FingerprintLedger.KeyFromSecret("one-0123456789abcdef"));
        Assert.NotEqual(a, FingerprintLedger.KeyFromSecret("two-0123456789abcdef"));
        Assert.NotEqual(Encoding.UTF8.GetBytes("one-0123456789abcdef"), a);
    }

    [Theory]
    [InlineData("")]
    [InlineData("x")]
    [InlineData("fifteen-chars!!")]
    public void KeyFromSecret_ShorterThan16Characters_Refused(string secret)
    {
        Assert.Throws<InvalidInputException>(() => FingerprintLedger.KeyFromSecret(secret));
    }

    [Fact]
    public void Commit_WithoutSave_IsSeenByTheNextOpen()
    {
        var sut = CreateSut();
        sut.Record(Org, Address, "ApiKey", "hmac-sha256:aa", encrypted: true);
        sut.Record(Org, Address, "Webhook", "hmac-sha256:bb", encrypted: true);
        sut.Commit();
        sut.Forget(Org, Address, "Webhook");
        sut.Commit();

        var reopened = CreateSut();

        Assert.False(File.Exists(LedgerPath));
        Assert.Equal(["ApiKey"], reopened.OwnedKeys(Org, Address));
        Assert.Equal("hmac-sha256:aa", reopened.Get(Org, Address, "ApiKey")!.Fingerprint);
    }

    [Fact]
    public void Open_JournalWithATornLastLine_ReplaysTheWholeLinesOnly()
    {
        var sut = CreateSut();
        sut.Record(Org, Address, "ApiKey", "hmac-sha256:aa", encrypted: true);
        sut.Commit();
        File.AppendAllText(LedgerPath + ".journal", "{\"op\":\"record\",\"org\":\"" + Org + "\",\"addr");

        var reopened = CreateSut();

        Assert.Equal(["ApiKey"], reopened.OwnedKeys(Org, Address));
    }

    [Fact]
    public void Save_FoldsTheJournalIntoTheFileAndRemovesIt()
    {
        var sut = CreateSut();
        sut.Record(Org, Address, "ApiKey", "hmac-sha256:aa", encrypted: true);
        sut.Commit();
        sut.ForgetUnder(Org, "externalCredential.Stripe");
        sut.Record(Org, "externalCredential.Other.principal.P", "K", "hmac-sha256:cc", encrypted: false);
        sut.Save();

        var reopened = CreateSut();

        Assert.False(File.Exists(LedgerPath + ".journal"));
        Assert.Empty(reopened.OwnedKeys(Org, Address));
        Assert.Equal(["K"], reopened.OwnedKeys(Org, "externalCredential.Other.principal.P"));
    }
}
