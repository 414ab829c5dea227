using System.Text.Json.Nodes;
using CredSync.Core.Model;
using CredSync.Core.Planning;
using CredSync.Core.Secrets;
using CredSync.Salesforce.Tests.Support;

namespace CredSync.Salesforce.Tests;

public sealed class ConnectMapperTests
{
    private const string Data = "/services/data/v66.0";

    [Fact]
    public async Task ReadExternalCredential_AfterCreatingFromInput_SameModel()
    {
        await using var org = await TestOrg.StartAsync();
        var desired = Yaml.Load(Yaml.Definitions);

        foreach (var ec in desired.ExternalCredentials)
        {
            await org.Client.SendAsync(HttpMethod.Post, Data + ApiPaths.ExternalCredentials,
                ConnectMapper.ExternalCredentialInput(ec, create: true), CancellationToken.None);
            var live = ConnectMapper.ReadExternalCredential((await org.Client.SendAsync(HttpMethod.Get,
                Data + ApiPaths.ExternalCredential(ec.Name), null, CancellationToken.None))!);

            Assert.Equal((ec.Name, ec.Label, ec.Protocol, ec.Variant), (live.Name, live.Label, live.Protocol,
                live.Variant));
            Assert.Equal(ec.Headers, live.Headers);
            Assert.Equal(ec.Parameters.OrderBy(p => p.Name), live.Parameters.OrderBy(p => p.Name));
            Assert.Equal(
                ec.Principals.Select(p => (p.Name, p.Type, p.Sequence, p.Parameters.Count)),
                live.Principals.Select(p => (p.Name, (string?)p.Type, p.Sequence, p.Parameters.Count)));
        }
    }

    [Fact]
    public async Task ReadNamedCredential_AfterCreatingFromInput_SameModel()
    {
        await using var org = await TestOrg.StartAsync();
        var desired = Yaml.Load(Yaml.Definitions);

        foreach (var ec in desired.ExternalCredentials)
        {
            await org.Client.SendAsync(HttpMethod.Post, Data + ApiPaths.ExternalCredentials,
                ConnectMapper.ExternalCredentialInput(ec, create: true), CancellationToken.None);
        }

        foreach (var nc in desired.NamedCredentials)
        {
            await org.Client.SendAsync(HttpMethod.Post, Data + ApiPaths.NamedCredentials,
                ConnectMapper.NamedCredentialInput(nc, create: true, supportsDescription: true),
                CancellationToken.None);
            var live = ConnectMapper.ReadNamedCredential((await org.Client.SendAsync(HttpMethod.Get,
                Data + ApiPaths.NamedCredential(nc.Name), null, CancellationToken.None))!);

            Assert.Equal(
                (nc.Name, nc.Label, nc.Description, nc.Url, nc.ExternalCredential, nc.Type, nc.NetworkConnection,
                    nc.ClientCertificate),
                (live.Name, live.Label, live.Description, live.Url, live.ExternalCredential, live.Type,
                    live.NetworkConnection, live.ClientCertificate));
            Assert.Equal(
                (nc.Enabled, nc.GenerateAuthorizationHeader, nc.AllowMergeFieldsInHeader, nc.AllowMergeFieldsInBody),
                (live.Enabled, live.GenerateAuthorizationHeader, live.AllowMergeFieldsInHeader,
                    live.AllowMergeFieldsInBody));
            Assert.Equal(nc.Headers, live.Headers);
            Assert.Equal(nc.AllowedNamespaces, live.AllowedNamespaces);
        }
    }

    [Fact]
    public async Task ReadCredentials_AfterPostingInput_UnencryptedBackEncryptedDropped()
    {
        const string canary = "CANARY-mapper-77ab";
        await using var org = await TestOrg.StartAsync();
        var desired = Yaml.Load(Yaml.Definitions);
        var stripe = desired.FindExternalCredential("Stripe")!;
        await org.Client.SendAsync(HttpMethod.Post, Data + ApiPaths.ExternalCredentials,
            ConnectMapper.ExternalCredentialInput(stripe, create: true), CancellationToken.None);
        var principal = stripe.Principals[0];
        var write = new CredentialWrite("Stripe", "Default", "NamedPrincipal", "Custom", "NoAuthentication",
            principal.Credentials);
        var secrets = new ResolvedSecrets(new Dictionary<SecretReference, SecretValue> { [new("s",
            "KEY")] = new(canary) });

        await org.Client.SendAsync(HttpMethod.Post, Data + ApiPaths.Credential, ConnectMapper.CredentialInput(write,
            secrets), CancellationToken.None);
        var node = await org.Client.SendAsync(HttpMethod.Get,
            Data + ApiPaths.Credential +
            "?externalCredential=Stripe&principalName=Default&principalType=NamedPrincipal", null,
            CancellationToken.None);
        var live = ConnectMapper.ReadCredentials(node!, "Stripe", "Default", "NamedPrincipal");

        Assert.Equal(("Stripe", "Default", "NamedPrincipal", "Configured"), (live.ExternalCredential,
            live.Principal, live.PrincipalType, live.AuthenticationStatus));
        Assert.Equal(new CredSync.Core.Live.LiveCredentialValue(false, "acct_123"), live.Values["Account"]);
        Assert.Equal(new CredSync.Core.Live.LiveCredentialValue(true, null), live.Values["ApiKey"]);
        Assert.True(await org.Server.CredentialValueEqualsAsync("Stripe", "Default", "ApiKey", canary));
    }

    [Fact]
    public void ReadCredentials_EncryptedValueSentInPlainText_Dropped()
    {
        var node = JsonNode.Parse("""
            {
              "authenticationStatus": "Configured",
              "principalType": "NamedPrincipal",
              "credentials": {
                "ApiKey": { "encrypted": true, "value": "CANARY-plain-from-org" },
                "NoFlag": { "value": "CANARY-no-flag" },
                "Account": { "encrypted": false, "value": "acct_1" },
                "Masked": { "encrypted": true, "value": "********" }
              }
            }
            """)!;

        var live = ConnectMapper.ReadCredentials(node, "Stripe", "Default", "NamedPrincipal");

        Assert.Null(live.Values["ApiKey"].Value);
        Assert.Null(live.Values["NoFlag"].Value);
        Assert.True(live.Values["NoFlag"].Encrypted);
        Assert.Null(live.Values["Masked"].Value);
        Assert.Equal("acct_1", live.Values["Account"].Value);
    }

    [Fact]
    public void ReadCredentials_NoStatus_Unknown()
    {
        var live = ConnectMapper.ReadCredentials(JsonNode.Parse("{}")!, "E", "P", "NamedPrincipal");

        Assert.Equal(("Unknown", "NamedPrincipal"), (live.AuthenticationStatus, live.PrincipalType));
        Assert.True(live.IsEmpty);
    }

    [Theory]
    [InlineData("{\"externalCredentials\": [{\"developerName\": \"A\"}, {\"developerName\": \"B\"}], \"url\": \"/x\"}")]
    [InlineData("{\"items\": [{\"developerName\": \"A\"}, {\"developerName\": \"B\"}]}")]
    [InlineData("[{\"developerName\": \"A\"}, {\"developerName\": \"B\"}, {\"masterLabel\": \"no name\"}]")]
    public void ReadNames_AnyWrapper_Names(string json)
    {
        Assert.Equal(["A", "B"], ConnectMapper.ReadNames(JsonNode.Parse(json), "externalCredentials"));
    }

    [Fact]
    public void ExternalCredentialInput_Update_OmitsDeveloperName()
    {
        var ec = Yaml.Load(Yaml.Definitions).FindExternalCredential("Partner")!;

        var create = ConnectMapper.ExternalCredentialInput(ec, create: true);
        var update = ConnectMapper.ExternalCredentialInput(ec, create: false);

        Assert.Equal("Partner", create["developerName"]!.GetValue<string>());
        Assert.False(update.ContainsKey("developerName"));
        Assert.Equal("ClientCredentialsClientSecret", update["authenticationProtocolVariant"]!.GetValue<string>());
    }

    [Fact]
    public void NamedCredentialInput_VersionWithoutDescription_OmitsIt()
    {
        var nc = Yaml.Load(Yaml.Definitions).NamedCredentials[0];

        var input = ConnectMapper.NamedCredentialInput(nc, create: false, supportsDescription: false);

        Assert.False(input.ContainsKey("description"));
        Assert.Equal("Disabled", input["calloutStatus"]!.GetValue<string>());
        var parameter = Assert.Single(input["parameters"]!.AsArray());
        Assert.Equal("alpha,zeta", parameter!["parameterValue"]!.GetValue<string>());
    }

    [Fact]
    public void CredentialInput_HoldsEachKeyWithItsEncryption()
    {
        var principal = Yaml.Load(Yaml.Definitions).FindExternalCredential("Stripe")!.Principals[0];
        var write = new CredentialWrite("Stripe", "Default", "NamedPrincipal", "Custom", null, principal.Credentials);
        var secrets = new ResolvedSecrets(new Dictionary<SecretReference, SecretValue> { [new("s",
            "KEY")] = new("v") });

        var input = ConnectMapper.CredentialInput(write, secrets);

        Assert.Equal("{\"encrypted\":true,\"value\":\"v\"}", input["credentials"]!["ApiKey"]!.ToJsonString());
        Assert.Equal("{\"encrypted\":false,\"value\":\"acct_123\"}", input["credentials"]!["Account"]!.ToJsonString());
        Assert.False(input.ContainsKey("authenticationProtocolVariant"));
        Assert.Equal("Custom", input["authenticationProtocol"]!.GetValue<string>());
    }
}
