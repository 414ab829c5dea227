using CredSync.Core.Model;
using CredSync.Core.Secrets;

namespace CredSync.Secrets.Tests;

public sealed class EnvSecretStoreTests
{
    private const string Canary = "CANARY-env-5b2e91";

    private static EnvSecretStore CreateSut(Dictionary<string, string> variables) =>
        new("ci", name => variables.GetValueOrDefault(name));

    [Fact]
    public async Task GetAsync_SetVariable_ReturnsItsValue()
    {
        var sut = CreateSut(new() { ["API_KEY"] = "  spaced value\n" });

        var value = await sut.GetAsync(new SecretReference("ci", "API_KEY"), CancellationToken.None);

        Assert.Equal("  spaced value\n", value.Reveal());
        Assert.Equal("ci", sut.Name);
    }

    [Fact]
    public async Task GetAsync_MissingVariable_NamesTheVariableOnly()
    {
        var sut = CreateSut(new() { ["OTHER"] = Canary });

        var e = await Assert.ThrowsAsync<SecretNotFoundException>(() => sut.GetAsync(new SecretReference("ci",
            "API_KEY"), CancellationToken.None));

        Assert.Equal("Environment variable 'API_KEY' is not set.", e.Message);
    }

    [Fact]
    public async Task GetAsync_Version_Refused()
    {
        var sut = CreateSut(new() { ["API_KEY"] = Canary });

        var e = await Assert.ThrowsAsync<SecretNotFoundException>(() => sut.GetAsync(new SecretReference("ci",
            "API_KEY", Version: "2"), CancellationToken.None));

        Assert.Contains("has no versions", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Canary, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"client_id\": \"abc\", \"client_secret\": \"CANARY-env-5b2e91\"}")]
    [InlineData("client_id: abc\nclient_secret: CANARY-env-5b2e91\n")]
    [InlineData("client_id=abc\nclient_secret=\"CANARY-env-5b2e91\"\n")]
    [InlineData("export client_id=abc\nexport client_secret='CANARY-env-5b2e91'\n")]
    public async Task GetAsync_Property_ReadFromJsonYamlOrDotenvValue(string document)
    {
        var sut = CreateSut(new() { ["PARTNER"] = document });

        var id = await sut.GetAsync(new SecretReference("ci", "PARTNER", "client_id"), CancellationToken.None);
        var secret = await sut.GetAsync(new SecretReference("ci", "PARTNER", "client_secret"), CancellationToken.None);

        Assert.Equal("abc", id.Reveal());
        Assert.Equal(Canary, secret.Reveal());
    }

    [Fact]
    public async Task GetAsync_JsonNumberProperty_ReturnsItsText()
    {
        var sut = CreateSut(new() { ["J"] = "{\"port\": 8443}" });

        var value = await sut.GetAsync(new SecretReference("ci", "J", "port"), CancellationToken.None);

        Assert.Equal("8443", value.Reveal());
    }

    [Fact]
    public async Task GetAsync_MissingProperty_NamesPropertyAndVariableNotTheValue()
    {
        var sut = CreateSut(new() { ["PARTNER"] = "{\"client_secret\": \"" + Canary + "\"}" });

        var e = await Assert.ThrowsAsync<SecretNotFoundException>(() => sut.GetAsync(new SecretReference("ci",
            "PARTNER", "client_id"), CancellationToken.None));

        Assert.Equal("The environment variable 'PARTNER' has no property 'client_id'.", e.Message);
    }

    [Theory]
    [InlineData("{\"client_secret\": \"CANARY-env-5b2e91")]
    [InlineData("{\"client_secret\": CANARY-env-5b2e91}")]
    public async Task GetAsync_MalformedJsonValue_MessageHoldsNoPartOfIt(string document)
    {
        var sut = CreateSut(new() { ["PARTNER"] = document });

        var e = await Assert.ThrowsAsync<SecretNotFoundException>(() => sut.GetAsync(new SecretReference("ci",
            "PARTNER", "client_secret"), CancellationToken.None));

        Assert.Contains("not valid JSON", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("CANARY", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("5b2e91", e.Message, StringComparison.Ordinal);
    }
}
