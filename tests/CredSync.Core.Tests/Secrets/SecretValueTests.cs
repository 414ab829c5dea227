using CredSync.Core.Secrets;

namespace CredSync.Core.Tests.Secrets;

public sealed class SecretValueTests
{
    private const string Canary = "CANARY-value-3e8d";

    [Fact]
    public void ToString_AnyFormatting_Redacted()
    {
        var sut = new SecretValue(Canary);

        Assert.Equal("(sensitive)", sut.ToString());
        Assert.Equal("key=(sensitive)", $"key={sut}");
        Assert.Equal("[(sensitive)]", string.Format(System.Globalization.CultureInfo.InvariantCulture, "[{0}]", sut));
    }

    [Fact]
    public void Reveal_GivesTheValue()
    {
        var sut = new SecretValue(Canary);

        Assert.Equal(Canary, sut.Reveal());
    }
}
