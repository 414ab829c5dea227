namespace CredSync.Salesforce.Tests;

public sealed class SalesforceConnectionTests
{
    [Theory]
    [InlineData("https://acme.my.salesforce.com")]
    [InlineData("https://acme.my.salesforce.com/")]
    [InlineData("http://127.0.0.1:8080")]
    [InlineData("http://127.8.9.10")]
    [InlineData("http://localhost:5000/")]
    [InlineData("http://[::1]:8080")]
    public void Create_HttpsOrLoopback_Accepted(string url)
    {
        var sut = SalesforceConnection.Create(url, "00D!token");

        Assert.Equal(url.TrimEnd('/'), sut.InstanceUrl.ToString().TrimEnd('/'));
        Assert.Equal("00D!token", sut.AccessToken);
    }

    [Theory]
    [InlineData("http://acme.my.salesforce.com")]
    [InlineData("http://10.1.2.3")]
    [InlineData("http://localhost.example.com")]
    [InlineData("http://127.0.0.1.nip.io")]
    [InlineData("http://[::2]")]
    public void Create_PlainHttpElsewhere_Refused(string url)
    {
        var e = Assert.Throws<ArgumentException>(() => SalesforceConnection.Create(url, "token"));

        Assert.Contains("uses plain http", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("acme.my.salesforce.com")]
    [InlineData("ftp://acme.my.salesforce.com")]
    [InlineData("not a url")]
    [InlineData("")]
    public void Create_NotAnHttpUrl_Refused(string url)
    {
        var e = Assert.Throws<ArgumentException>(() => SalesforceConnection.Create(url, "token"));

        Assert.Contains("is not an http(s) URL", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Create_EmptyToken_Refused(string token)
    {
        var e = Assert.Throws<ArgumentException>(() => SalesforceConnection.Create("https://acme.my.salesforce.com",
            token));

        Assert.Equal("The access token is empty.", e.Message);
    }
}
