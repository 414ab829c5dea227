using CredSync.Core.Planning;

namespace CredSync.Core.Tests.Planning;

public sealed class ApiCallTests
{
    [Fact]
    public void Display_QueryValues_EscapedAndInOrder()
    {
        var sut = new ApiCall("DELETE", ApiPaths.Credential,
            ApiPaths.PrincipalQuery("Ops", "Main Principal-1", "NamedPrincipal", ["a&b", "c"]));

        var text = sut.Display("66.0");

        Assert.Equal(
            "DELETE /services/data/v66.0/named-credentials/credential?externalCredential=Ops" +
            "&principalName=Main%20Principal-1&principalType=NamedPrincipal&authenticationParameters=a%26b%2Cc",
            text);
    }

    [Fact]
    public void Display_NoQuery_NoQuestionMark()
    {
        var sut = new ApiCall("PUT", ApiPaths.ExternalCredential("ns__My_EC"));

        Assert.Equal("PUT /services/data/v59.0/named-credentials/external-credentials/ns__My_EC", sut.Display("59.0"));
    }
}
