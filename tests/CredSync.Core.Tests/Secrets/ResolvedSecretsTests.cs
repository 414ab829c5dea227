using CredSync.Core.Diagnostics;
using CredSync.Core.Model;
using CredSync.Core.Secrets;

namespace CredSync.Core.Tests.Secrets;

public sealed class ResolvedSecretsTests
{
    private static readonly SourceLocation At = new("credsync.yaml", 1, 1);

    private static ResolvedSecrets CreateSut() =>
        new(new Dictionary<SecretReference, SecretValue> { [new("ci", "KEY")] = new("from-store") });

    [Fact]
    public void ValueOf_Secret_TheResolvedValue()
    {
        var sut = CreateSut();

        var value = sut.ValueOf(new CredentialSpec("k", CredentialSource.Secret, true, SecretReference.Parse("ci:KEY"), null, At));

        Assert.Equal("from-store", value);
    }

    [Fact]
    public void ValueOf_Literal_TheLiteral()
    {
        var sut = CreateSut();

        var value = sut.ValueOf(new CredentialSpec("k", CredentialSource.Literal, false, null, "acct_1", At));

        Assert.Equal("acct_1", value);
    }

    [Fact]
    public void ValueOf_RuntimeManaged_Refused()
    {
        var sut = CreateSut();

        var e = Assert.Throws<InvalidOperationException>(() =>
            sut.ValueOf(new CredentialSpec("Token", CredentialSource.RuntimeManaged, true, null, null, At)));

        Assert.Contains("'Token' is runtime-managed", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Get_Unresolved_NamesTheReference()
    {
        var sut = CreateSut();

        var e = Assert.Throws<InvalidOperationException>(() => sut.Get(new SecretReference("ci", "OTHER")));

        Assert.Equal("Secret reference 'ci:OTHER' was not resolved before use.", e.Message);
        Assert.Equal(1, sut.Count);
    }
}
