using CredSync.Import.Tests.Support;

namespace CredSync.Import.Tests;

/// <summary>How real named credential files map, and which are left out.</summary>
public sealed partial class FixtureMappingTests
{
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
}
