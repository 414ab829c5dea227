using System.Text.Json.Nodes;
using CredSync.Import.Tests.Support;

namespace CredSync.Import.Tests;

/// <summary>How specific real metadata files map to credsync.yaml.</summary>
public sealed class FixtureMappingTests
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
    public void Import_TwoNamedCredentialsSharingAnExternalCredential_WritesBoth()
    {
        var json = Import("Salesforce-Main", out _);
        var namedCredentials = json["namedCredentials"]!;

        Assert.Equal("https://api.box.com", Text(namedCredentials["Box"]!["url"]));
        Assert.Equal("https://upload.box.com", Text(namedCredentials["BoxUpload"]!["url"]));
        Assert.Equal("Box", Text(namedCredentials["BoxUpload"]!["externalCredential"]));
        Assert.Equal("SecuredEndpoint", Text(namedCredentials["Box"]!["type"]));
        Assert.True(namedCredentials["Box"]!["enabled"]!.GetValue<bool>());
        Assert.True(namedCredentials["Box"]!["generateAuthorizationHeader"]!.GetValue<bool>());
        Assert.False(namedCredentials["Box"]!["allowMergeFieldsInHeader"]!.GetValue<bool>());
    }

    [Fact]
    public void Import_PermissionSetNamingUnknownCredential_CommentsOutThatGrant()
    {
        var result = FixtureImport.Run("Salesforce-Main");
        var json = SchemaCheck.AssertValid(result.Yaml);

        Assert.Equal(
            """["Box-BoxUser","HarryPotter-HarryPotterPrincipal","Salesforce-SalesforceUser"]""",
            json["permissionSets"]!["Integration_Handler"]!.ToJsonString());
        Assert.Contains(
            "    # - Spotify-SpotifyUserParameter  "
            + "# external credential 'Spotify' is not in the metadata\n",
            result.Yaml,
            StringComparison.Ordinal);

        var warning = Assert.Single(FixtureImport.About(
            result,
            ImportSeverity.Warning,
            "force-app/main/default/permissionsets/Integration_Handler.permissionset-meta.xml"));
        Assert.Equal(15, warning.Line);
        Assert.Equal(5, warning.Column);
        Assert.Contains(
            "'Spotify-SpotifyUserParameter'",
            warning.Message,
            StringComparison.Ordinal);
        Assert.Contains("'<Name>: {}'", warning.Message, StringComparison.Ordinal);
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
    public void Import_PermissionSetWithoutAccesses_IsNotWrittenAndSaysSo()
    {
        var result = FixtureImport.Run("sfcicd");
        var json = SchemaCheck.AssertValid(result.Yaml);

        Assert.Empty(json["permissionSets"]!.AsObject());

        var info = Assert.Single(FixtureImport.About(
            result,
            ImportSeverity.Info,
            "force-app/main/default/permissionsets/AWS_Named_Credentials.permissionset-meta.xml"));
        Assert.Contains("grants no principal access", info.Message, StringComparison.Ordinal);
        Assert.Equal(0, result.Summary.PermissionSets);
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
    public void Import_PrincipalNameWithSpaces_IsWrittenAsKeyAndInGrant()
    {
        var json = Import("archive-viewer-connector", out var yaml);

        Assert.Contains(
            "      Gearset Archive Viewer Principal:\n",
            yaml,
            StringComparison.Ordinal);
        Assert.Equal(
            """["GearsetArchiveViewer-Gearset Archive Viewer Principal"]""",
            json["permissionSets"]!["GearsetViewArchivedRecords"]!.ToJsonString());
    }

    [Fact]
    public void Import_BuildTimeUrlPlaceholder_WarnsAndNotesTheUrl()
    {
        var result = FixtureImport.Run("archive-viewer-connector");
        var json = SchemaCheck.AssertValid(result.Yaml);
        var namedCredential = json["namedCredentials"]!["GearsetArchiveViewer"]!;

        Assert.Equal("{API_URL}", Text(namedCredential["url"]));
        Assert.False(namedCredential["generateAuthorizationHeader"]!.GetValue<bool>());
        Assert.True(namedCredential["allowMergeFieldsInHeader"]!.GetValue<bool>());
        Assert.Contains(
            "url: \"{API_URL}\"  # a build-time placeholder",
            result.Yaml,
            StringComparison.Ordinal);

        var warning = Assert.Single(FixtureImport.About(
            result,
            ImportSeverity.Warning,
            "force-app/main/default/namedCredentials/GearsetArchiveViewer.namedCredential"));
        Assert.Contains("{API_URL}", warning.Message, StringComparison.Ordinal);
        Assert.Equal(8, warning.Line);
    }

    [Fact]
    public void Import_Api56PrincipalPointer_GrantsThatPermissionSet()
    {
        var result = FixtureImport.Run("llm-apex-agents");
        var json = SchemaCheck.AssertValid(result.Yaml);

        Assert.Equal(
            """["OpenAI-Apex_Agents_uXdFfOe1681307594560"]""",
            json["permissionSets"]!["Apex_Agents"]!.ToJsonString());

        var info = Assert.Single(FixtureImport.About(
            result,
            ImportSeverity.Info,
            "force-app/main/default/externalCredentials/OpenAI.externalCredential-meta.xml"));
        Assert.Equal((7, 9), (info.Line, info.Column));
        Assert.Contains("'Apex_Agents'", info.Message, StringComparison.Ordinal);
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

    [Theory]
    [InlineData("llm-apex-agents", "OpenAI")]
    [InlineData("lwc-course-2023", "StripeAPI")]
    public void Import_NamedCredentialWithoutCalloutStatus_IsEnabled(string project, string name)
    {
        var json = Import(project, out _);

        Assert.True(json["namedCredentials"]![name]!["enabled"]!.GetValue<bool>());
    }

    [Theory]
    [InlineData(
        "apex-recipes",
        "GoogleBooksAPI",
        "protocol NoAuthentication, principal type Anonymous")]
    [InlineData("keyloop-keyforce-gh", "Salesforce", "protocol Oauth, principal type NamedUser")]
    [InlineData("dfj-salesforce", "CalendlyAPI", "protocol Oauth, principal type NamedUser")]
    [InlineData("dfj-salesforce", "Membership", "protocol Jwt, principal type NamedUser")]
    [InlineData(
        "dfj-salesforce",
        "a3SW5000001IbtNMAS_SF_Core_Integration_001",
        "protocol Oauth, principal type PerUser")]
    public void Import_LegacyNamedCredential_IsLeftOutWithReason(
        string project,
        string name,
        string protocolAndPrincipal)
    {
        var result = FixtureImport.Run(project);
        var json = SchemaCheck.AssertValid(result.Yaml);

        Assert.False(json["namedCredentials"]!.AsObject().ContainsKey(name));

        var reason = $"legacy named credential ({protocolAndPrincipal})";
        Assert.Contains($"#   {name}: {reason}\n", result.Yaml, StringComparison.Ordinal);
        Assert.Contains(
            $"#     (force-app/main/default/namedCredentials/{name}.namedCredential-meta.xml)\n",
            result.Yaml,
            StringComparison.Ordinal);

        var warning = Assert.Single(FixtureImport.About(
            result,
            ImportSeverity.Warning,
            $"force-app/main/default/namedCredentials/{name}.namedCredential-meta.xml"));
        Assert.Contains(reason, warning.Message, StringComparison.Ordinal);
        Assert.Contains(
            "CredSync manages only SecuredEndpoint/PrivateEndpoint credentials backed by an "
            + "external credential; migrate it in Setup",
            warning.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Import_LegacyNamedCredentials_AreListedBeforeTheContent()
    {
        var result = FixtureImport.Run("dfj-salesforce");
        var yaml = result.Yaml!;

        Assert.Equal(3, result.Summary.SkippedLegacyNamedCredentials);
        Assert.True(
            yaml.IndexOf("#   CalendlyAPI:", StringComparison.Ordinal)
            < yaml.IndexOf("version: 1", StringComparison.Ordinal));
    }

    [Fact]
    public void Import_LiteralNamedCredentialHeader_WarnsWithoutRepeatingTheValue()
    {
        var result = FixtureImport.Run("dfj-salesforce");

        var warning = Assert.Single(
            FixtureImport.About(
                result,
                ImportSeverity.Warning,
                "force-app/main/default/namedCredentials/Aros.namedCredential-meta.xml"),
            d => d.Message.Contains("x-DinFamilieJurist", StringComparison.Ordinal));
        Assert.Equal((18, 5), (warning.Line, warning.Column));
        Assert.Contains("may be a secret", warning.Message, StringComparison.Ordinal);
        Assert.Contains(
            "{!$Credential.Aros.x_DinFamilieJurist}",
            warning.Message,
            StringComparison.Ordinal);

        Assert.All(
            result.Diagnostics,
            d => Assert.DoesNotContain(
                "REDACTED-PLAINTEXT-HEADER-SECRET",
                d.Message,
                StringComparison.Ordinal));
    }

    [Fact]
    public void Import_NamedCredentialWithMissingExternalCredential_IsCommentedOut()
    {
        var result = FixtureImport.Run("dfj-salesforce");
        var json = SchemaCheck.AssertValid(result.Yaml);

        Assert.Empty(json["namedCredentials"]!.AsObject());
        Assert.Contains("namedCredentials: {}\n", result.Yaml, StringComparison.Ordinal);
        Assert.Contains(
            "  # Aros is left out: external credential 'Aros' is not in the metadata.\n"
            + "  # Aros:\n"
            + "  #   label: Aros\n"
            + "  #   url: https://hook.aros-forsikring.dk/api/leads\n"
            + "  #   externalCredential: Aros\n",
            result.Yaml,
            StringComparison.Ordinal);

        var warning = Assert.Single(
            FixtureImport.About(
                result,
                ImportSeverity.Warning,
                "force-app/main/default/namedCredentials/Aros.namedCredential-meta.xml"),
            d => d.Message.Contains("not in the metadata", StringComparison.Ordinal));
        Assert.Contains("'Aros: {}'", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_PermissionSetsNamingOnlyMissingExternalCredentials_AreCommentedOut()
    {
        var result = FixtureImport.Run("dfj-salesforce");
        var json = SchemaCheck.AssertValid(result.Yaml);

        Assert.Empty(json["permissionSets"]!.AsObject());
        Assert.Contains(
            "  #   - Twilio_Credential-Twilio Principal  # external credential 'Twilio_Credential' "
            + "is not in the metadata\n",
            result.Yaml,
            StringComparison.Ordinal);
        Assert.Equal(7, result.Summary.CommentedOutEntries);
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
