using System.Text.Json.Nodes;
using CredSync.Import.Tests.Support;

namespace CredSync.Import.Tests;

/// <summary>How specific real metadata files map to credsync.yaml: external credentials.</summary>
public sealed partial class FixtureMappingTests
{
    private const string SecretComment = "# where this secret comes from: change the reference";

    private const string GearsetVariable =
        "GEARSETARCHIVEVIEWER_GEARSET_ARCHIVE_VIEWER_PRINCIPAL_APIKEY";

    [Fact]
    public void Import_OauthBrowserFlow_WritesOAuthWithAuthProviderAndNoValues()
    {
        var json = Import("Salesforce-Main", out var yaml);
        var box = json["externalCredentials"]!["Box"]!;

        Assert.Equal("OAuth", Text(box["protocol"]));
        Assert.Null(box["variant"]);
        Assert.True(box.AsObject().ContainsKey("variant"));
        Assert.Equal(
            """[{"type":"AuthProvider","name":"AuthProvider","value":"Box"}]""",
            box["parameters"]!.ToJsonString());

        var principal = box["principals"]!["BoxUser"]!;
        Assert.Equal("PerUserPrincipal", Text(principal["type"]));
        Assert.Equal(1, principal["sequence"]!.GetValue<long>());
        Assert.Empty(principal["credentials"]!.AsObject());
        Assert.Contains("credentials: {}  # a per-user principal", yaml, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_CustomWithVariantParameter_WritesNoAuthenticationVariant()
    {
        var json = Import("Salesforce-Main", out _);
        var harryPotter = json["externalCredentials"]!["HarryPotter"]!;

        Assert.Equal("Harry Potter", Text(harryPotter["label"]));
        Assert.Equal("Custom", Text(harryPotter["protocol"]));
        Assert.Equal("NoAuthentication", Text(harryPotter["variant"]));

        // The variant is a property of its own, not a parameter.
        Assert.Empty(harryPotter["parameters"]!.AsArray());
    }

    [Fact]
    public void Import_ScopeInDefaultAndPrincipalGroup_PutsEachScopeWhereItBelongs()
    {
        var json = Import("Salesforce-Main", out _);
        var salesforce = json["externalCredentials"]!["Salesforce"]!;

        Assert.Equal(
            """[{"type":"AuthParameter","name":"Scope","value":"web api"""
            + """ refresh_token offline_access"}]""",
            Parameters(salesforce, "Scope"));

        var principal = salesforce["principals"]!["SalesforceUser"]!;
        Assert.Equal(
            """[{"type":"AuthParameter","name":"Scope","value":"api web"""
            + """ refresh_token offline_access"}]""",
            principal["parameters"]!.ToJsonString());
    }

    [Fact]
    public void Import_AwsSv4_WritesAuthParametersAndAccessKeys()
    {
        var json = Import("sfcicd", out var yaml);
        var aws = json["externalCredentials"]!["AWS"]!;

        Assert.Equal("AwsSv4", Text(aws["protocol"]));
        Assert.Equal(
            """[{"type":"AuthParameter","name":"AwsAccountId","value":"997948882623"},"""
            + """{"type":"AuthParameter","name":"AwsRegion","value":"us-east-1"},"""
            + """{"type":"AuthParameter","name":"AwsService","value":"s3"}]""",
            aws["parameters"]!.ToJsonString());

        var credentials = aws["principals"]!["Admin"]!["credentials"]!;
        Assert.Equal(
            """{"secret":"ci:AWS_ADMIN_AWSACCESSKEYID","encrypted":false}""",
            credentials["awsAccessKeyId"]!.ToJsonString());
        Assert.Equal(
            """{"secret":"ci:AWS_ADMIN_AWSSECRETACCESSKEY"}""",
            credentials["awsSecretAccessKey"]!.ToJsonString());
        Assert.Contains(
            "awsSecretAccessKey: { secret: \"ci:AWS_ADMIN_AWSSECRETACCESSKEY\" }  " + SecretComment,
            yaml,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Import_GearsetFormulaWithEscapedQuotes_KeepsFormulaAndInfersApiKey()
    {
        var json = Import("archive-viewer-connector", out var yaml);
        var gearset = json["externalCredentials"]!["GearsetArchiveViewer"]!;

        Assert.Equal(
            "{!'token ' & $Credential.GearsetArchiveViewer.ApiKey}",
            Text(gearset["headers"]![0]!["value"]));

        var principal = gearset["principals"]!["Gearset Archive Viewer Principal"]!;
        Assert.Equal(
            $$$"""{"ApiKey":{"secret":"ci:{{{GearsetVariable}}}"}}""",
            principal["credentials"]!.ToJsonString());
        Assert.Contains(
            $"ApiKey: {{ secret: \"ci:{GearsetVariable}\" }}  "
            + SecretComment,
            yaml,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Import_AuthHeadersWithSequenceNumbers_KeepTheirOrder()
    {
        var json = Import("archive-viewer-connector", out _);
        var headers = json["externalCredentials"]!["GearsetArchiveViewer"]!["headers"]!.AsArray();

        Assert.Equal(
            ["Authorization", "X-Gearset-Archiving-Org-Id", "X-Gearset-Archiving-User-Id"],
            headers.Select(h => Text(h!["name"])));
        Assert.Equal("{!$Organization.Id}", Text(headers[1]!["value"]));
    }

    [Fact]
    public void Import_CustomPrincipalWithoutFormulaKeys_WritesNoValuesAndSaysWhatToAdd()
    {
        var json = Import("llm-apex-agents", out var yaml);
        var principal = json["externalCredentials"]!["OpenAI"]!["principals"]!
            ["Apex_Agents_uXdFfOe1681307594560"]!;

        Assert.Empty(principal["credentials"]!.AsObject());
        Assert.Contains(
            "credentials: {}  # no header formula reads a $Credential key",
            yaml,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Import_ExternalCredentialInSecondPackageFolder_IsRead()
    {
        var json = Import("SetupAI", out var yaml);
        var openAi = json["externalCredentials"]!["OpenAI"]!;

        Assert.Equal(
            "{!'Bearer ' & $Credential.OpenAI.ApiKey}",
            Text(openAi["headers"]![0]!["value"]));
        Assert.Equal(
            """{"ApiKey":{"secret":"ci:OPENAI_SETUPAI_APIKEY"}}""",
            openAi["principals"]!["SetupAI"]!["credentials"]!.ToJsonString());
        Assert.Contains(
            "ApiKey: { secret: \"ci:OPENAI_SETUPAI_APIKEY\" }  " + SecretComment,
            yaml,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Import_HeaderWithLiteralTextAndMergeField_InfersEveryKey()
    {
        var json = Import("ai-gateway", out _);
        var openAi = json["externalCredentials"]!["OpenAI"]!;

        Assert.Equal(
            ["Content-Type", "OpenAI-Organization", "Authorization"],
            openAi["headers"]!.AsArray().Select(h => Text(h!["name"])));
        Assert.Equal(
            ["Org", "apiKey"],
            openAi["principals"]!["PromptEngineering"]!["credentials"]!
                .AsObject()
                .Select(p => p.Key));
        Assert.Equal(
            "OpenAI",
            Text(json["namedCredentials"]!["OpenAIChat"]!["externalCredential"]));
    }

    [Fact]
    public void Import_ExternalCredentialWithoutPrincipals_WritesEmptyPrincipals()
    {
        var json = Import("lwc-course-2023", out _);
        var stripe = json["externalCredentials"]!["Stripe"]!;

        Assert.Empty(stripe["principals"]!.AsObject());
        Assert.Empty(stripe["headers"]!.AsArray());
        var stripeApi = json["namedCredentials"]!["StripeAPI"]!;
        Assert.True(stripeApi["allowMergeFieldsInBody"]!.GetValue<bool>());
    }

    private static JsonNode Import(string project, out string yaml)
    {
        var result = FixtureImport.Run(project);
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));

        yaml = result.Yaml!;

        return SchemaCheck.AssertValid(yaml);
    }

    private static string? Text(JsonNode? node) => node?.GetValue<string>();

    private static string Parameters(JsonNode externalCredential, string name) =>
        new JsonArray(
            [.. externalCredential["parameters"]!.AsArray()
                .Where(p => Text(p!["name"]) == name)
                .Select(p => p!.DeepClone())]).ToJsonString();
}
