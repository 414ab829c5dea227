using System.Net;

namespace CredSync.LocalOrg.Tests;

public sealed class RequestLogTests
{
    [Fact]
    public async Task Requests_RecordMethodPathQueryTemplateAndStatus()
    {
        await using var org = await TestOrg.StartAsync();
        await org.SeedCustomAsync();
        org.Server.ClearRequests();

        await org.GetAsync(TestOrg.CredentialQuery("Stripe", "Default"));
        await org.GetAsync(TestOrg.CredentialQuery("Stripe", "Nobody"));
        await org.GetAsync(TestOrg.Ecs + "/Stripe");

        var requests = org.Server.Requests;
        Assert.Equal(3, requests.Count);
        Assert.Equal(
            new RecordedRequest(
                "GET",
                TestOrg.Credential,
                "?externalCredential=Stripe&principalName=Default&principalType=NamedPrincipal",
                LocalOrgRoutes.Credential,
                (int)HttpStatusCode.OK),
            requests[0]);
        Assert.Equal(404, requests[1].Status);
        Assert.Equal(LocalOrgRoutes.ExternalCredential, requests[2].Template);
        Assert.Equal(2, org.Server.CountRequests("GET", LocalOrgRoutes.Credential));
        Assert.Equal(0, org.Server.CountRequests("PATCH", LocalOrgRoutes.Credential));
    }

    [Fact]
    public async Task ClearRequests_ForgetsEverything()
    {
        await using var org = await TestOrg.StartAsync();
        await org.GetAsync(TestOrg.Ecs);

        org.Server.ClearRequests();

        Assert.Empty(org.Server.Requests);
    }
}
