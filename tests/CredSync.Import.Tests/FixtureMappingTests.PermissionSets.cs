using CredSync.Import.Tests.Support;

namespace CredSync.Import.Tests;

/// <summary>How real principal access grants map.</summary>
public sealed partial class FixtureMappingTests
{
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
}
