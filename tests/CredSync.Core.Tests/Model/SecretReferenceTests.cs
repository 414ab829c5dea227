using CredSync.Core.Model;

namespace CredSync.Core.Tests.Model;

public sealed class SecretReferenceTests
{
    [Theory]
    [InlineData("ci:API_KEY", "ci", "API_KEY", null, null)]
    [InlineData("vault:payments/stripe#api_key", "vault", "payments/stripe", "api_key", null)]
    [InlineData("vault:payments/stripe#api_key@3", "vault", "payments/stripe", "api_key", "3")]
    [InlineData("vault:a/b/c/d@12", "vault", "a/b/c/d", null, "12")]
    [InlineData("local:dir/file.json#client_id", "local", "dir/file.json", "client_id", null)]
    [InlineData("az:name:with:colons", "az", "name:with:colons", null, null)]
    public void Parse_ShortForm_SplitsIntoParts(string text, string store, string key, string? property,
        string? version)
    {
        var sut = SecretReference.Parse(text);

        Assert.Equal(new SecretReference(store, key, property, version), sut);
    }

    [Theory]
    [InlineData("ci:API_KEY")]
    [InlineData("vault:payments/stripe#api_key@3")]
    [InlineData("vault:a/b/c/d@12")]
    [InlineData("local:x/y.yaml#p")]
    public void ToString_AfterParse_RoundTrips(string text)
    {
        var sut = SecretReference.Parse(text);

        Assert.Equal(text, sut.ToString());
        Assert.Equal(sut, SecretReference.Parse(sut.ToString()));
    }

    [Theory]
    [InlineData("nocolon")]
    [InlineData(":key")]
    [InlineData("store:")]
    public void Parse_NotAReference_Throws(string text)
    {
        var e = Assert.Throws<FormatException>(() => SecretReference.Parse(text));

        Assert.Contains($"'{text}'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Equals_SameParts_EqualAsSetMembers()
    {
        var a = SecretReference.Parse("ci:K#p");
        var b = new SecretReference("ci", "K", "p");

        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.Contains(b, new HashSet<SecretReference> { a });
    }
}
