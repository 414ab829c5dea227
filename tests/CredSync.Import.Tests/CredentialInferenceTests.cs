using CredSync.Import.Tests.Support;
using S = CredSync.Import.Tests.Support.MetadataSamples;

namespace CredSync.Import.Tests;

/// <summary>Which credential keys each protocol, variant and principal type gets.</summary>
public sealed class CredentialInferenceTests
{
    [Theory]
    [InlineData("ClientCredentialsClientSecret")]
    [InlineData("ClientCredentialsClientSecretBasic")]
    public void Import_OAuthClientCredentialsWithSecret_WritesClientIdAndSecret(string variant)
    {
        // The shape of a real client-credentials external credential (reference §2.4, example 1).
        var xml = S.ExternalCredential(
            "Oauth",
            S.Parameter("AuthProtocolVariant", "Oauth", variant, "DefaultGroup"),
            S.Parameter("AuthParameter", "Scope", "api", "DefaultGroup"),
            S.Parameter(
                "AuthProviderUrl",
                "AuthProviderUrl",
                "https://login.example.com/token",
                "DefaultGroup"),
            S.Principal("Super Admin"));

        var result = SampleTree.ImportExternalCredential("Partner", xml);
        var json = SchemaCheck.AssertValid(result.Yaml);
        var partner = json["externalCredentials"]!["Partner"]!;

        Assert.Equal(("OAuth", variant), (Text(partner["protocol"]), Text(partner["variant"])));
        Assert.Equal(
            """{"clientId":{"secret":"ci:PARTNER_SUPER_ADMIN_CLIENTID","encrypted":false},"""
            + "\"clientSecret\":"
            + """{"secret":"ci:PARTNER_SUPER_ADMIN_CLIENTSECRET"}}""",
            partner["principals"]!["Super Admin"]!["credentials"]!.ToJsonString());
        Assert.Equal(
            ["AuthParameter", "AuthProviderUrl"],
            partner["parameters"]!.AsArray().Select(p => Text(p!["type"])));
    }

    [Fact]
    public void Import_OAuthClientCredentialsWithJwtAssertion_WritesClientIdOnly()
    {
        var xml = S.ExternalCredential(
            "Oauth",
            S.Parameter("AuthProtocolVariant", "Oauth", "ClientCredentialsJwtAssertion"),
            S.Principal("Main"));

        var credentials = Credentials(xml, "Main");

        Assert.Equal(
            """{"clientId":{"secret":"ci:PARTNER_MAIN_CLIENTID","encrypted":false}}""",
            credentials);
    }

    [Theory]
    [InlineData("Oauth", "JwtBearer", "JWT bearer flow")]
    [InlineData("Oauth", null, "values come from the OAuth browser flow")]
    [InlineData("Jwt", null, "protocol Jwt")]
    public void Import_ProtocolWithoutStoredSecrets_WritesNoValuesAndSaysWhy(
        string protocol,
        string? variant,
        string reason)
    {
        var parameters = new List<string> { S.Principal("Main") };
        if (variant is not null)
        {
            parameters.Add(S.Parameter("AuthProtocolVariant", protocol, variant));
        }

        var result = SampleTree.ImportExternalCredential(
            "Partner",
            S.ExternalCredential(protocol, [.. parameters]));

        Assert.Equal("{}", Credentials(result, "Main"));
        Assert.Contains($"credentials: {{}}  # {reason}", result.Yaml, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_BasicNamedPrincipal_WritesUsernameAndPassword()
    {
        var xml = S.ExternalCredential(
            "Basic",
            S.Principal("Service"),
            S.Principal("Users", "PerUserPrincipal", 2));

        var result = SampleTree.ImportExternalCredential("Partner", xml);

        Assert.Equal(
            """{"username":{"secret":"ci:PARTNER_SERVICE_USERNAME","encrypted":false},"password":"""
            + """{"secret":"ci:PARTNER_SERVICE_PASSWORD"}}""",
            Credentials(result, "Service"));
        Assert.Equal("{}", Credentials(result, "Users"));
    }

    [Fact]
    public void Import_AwsStsVariant_SplitsKeysBetweenStsAndNamedPrincipal()
    {
        var xml = S.ExternalCredential(
            "AwsSv4",
            S.Parameter("AuthProtocolVariant", "AwsSv4", "AwsSv4_STS"),
            S.Parameter("AuthProviderUrlQueryParameter", "AwsStsDuration", "900"),
            S.Principal("Role"),
            S.Principal("Caller", "AwsStsPrincipal", 2));

        var result = SampleTree.ImportExternalCredential("Aws", xml);

        Assert.Equal(
            """{"awsRoleArn":{"secret":"ci:AWS_ROLE_AWSROLEARN","encrypted":false}}""",
            Credentials(result, "Role", "Aws"));
        Assert.Equal(
            """{"awsAccessKeyId":{"secret":"ci:AWS_CALLER_AWSACCESSKEYID","encrypted":false},"""
            + "\"awsSecretAccessKey\":"
            + """{"secret":"ci:AWS_CALLER_AWSSECRETACCESSKEY"}}""",
            Credentials(result, "Caller", "Aws"));
    }

    [Fact]
    public void Import_AwsRolesAnywhere_WritesRoleArn()
    {
        var xml = S.ExternalCredential(
            "AwsSv4",
            S.Parameter("AuthProtocolVariant", "AwsSv4", "RolesAnywhere"),
            S.Principal("Role"));

        Assert.Equal(
            """{"awsRoleArn":{"secret":"ci:AWS_ROLE_AWSROLEARN","encrypted":false}}""",
            Credentials(xml, "Role", "Aws"));
    }

    [Fact]
    public void Import_CustomKeysReadByNamedCredentialHeader_AreInferredToo()
    {
        var result = SampleTree.Import(
        [
            (
                S.At(S.ExternalCredentialPath, "Stripe"),
                S.ExternalCredential("Custom", S.Principal("Main"))
            ),
            (
                S.At(S.NamedCredentialPath, "StripeAPI"),
                S.NamedCredential(
                    "Stripe",
                    S.HttpHeader("Authorization", "Bearer {!$Credential.Stripe.SecretKey}", 1))
            ),
        ]);

        Assert.Empty(result.Diagnostics);
        Assert.Equal(
            """{"SecretKey":{"secret":"ci:STRIPE_MAIN_SECRETKEY"}}""",
            Credentials(result, "Main", "Stripe"));
    }

    [Fact]
    public void Import_HeaderReadingAnotherExternalCredential_Warns()
    {
        var xml = S.ExternalCredential(
            "Custom",
            S.Parameter("AuthHeader", "Authorization", "{!$Credential.Other.Token}", sequence: 1),
            S.Principal("Main"));

        var result = SampleTree.ImportExternalCredential("Partner", xml);

        var warning = Assert.Single(result.Diagnostics);
        Assert.Equal((ImportSeverity.Warning, 4), (warning.Severity, warning.Line));
        Assert.Contains("$Credential.Other.Token", warning.Message, StringComparison.Ordinal);
        Assert.Equal("{}", Credentials(result, "Main"));
    }

    [Fact]
    public void Import_PrincipalsSharingAVariableName_Warn()
    {
        var xml = S.ExternalCredential(
            "Basic",
            S.Principal("Team-A"),
            S.Principal("Team A", sequence: 2));

        var result = SampleTree.ImportExternalCredential("Partner", xml);

        Assert.Equal(2, result.Diagnostics.Count);
        Assert.All(
            result.Diagnostics,
            d => Assert.Contains("PARTNER_TEAM_A_", d.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void Import_OtherEnvStoreName_IsUsedForTheStoreAndEveryReference()
    {
        var xml = S.ExternalCredential("Basic", S.Principal("Main"));

        var result = SampleTree.Import(
            [(S.At(S.ExternalCredentialPath, "Partner"), xml)],
            new ImportOptions(EnvStoreName: "github"));

        var json = SchemaCheck.AssertValid(result.Yaml);
        Assert.Equal("env", Text(json["stores"]!["github"]!["type"]));
        Assert.Equal(
            "github:PARTNER_MAIN_PASSWORD",
            Text(json["externalCredentials"]!["Partner"]!["principals"]!["Main"]!
                ["credentials"]!["password"]!["secret"]));
    }

    [Fact]
    public void Import_InvalidEnvStoreName_IsAnError()
    {
        var result = SampleTree.Import([], new ImportOptions(EnvStoreName: "1 bad"));

        Assert.Contains(
            result.Diagnostics,
            d => d.Severity == ImportSeverity.Error
                && d.Message.Contains("'1 bad'", StringComparison.Ordinal));
    }

    private static string Credentials(string xml, string principal, string name = "Partner") =>
        Credentials(SampleTree.ImportExternalCredential(name, xml), principal, name);

    private static string Credentials(
        ImportResult result,
        string principal,
        string name = "Partner")
    {
        var json = SchemaCheck.AssertValid(result.Yaml);

        return json["externalCredentials"]![name]!["principals"]![principal]!["credentials"]!
            .ToJsonString();
    }

    private static string? Text(System.Text.Json.Nodes.JsonNode? node) => node?.GetValue<string>();
}
