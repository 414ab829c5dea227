using CredSync.Import.Tests.Support;
using S = CredSync.Import.Tests.Support.MetadataSamples;

namespace CredSync.Import.Tests;

/// <summary>Values-only mode, file-order independence and the result's surface.</summary>
public sealed class ImportModeTests
{
    private static readonly string PartnerWithMainPrincipal =
        S.ExternalCredential("Custom", S.Principal("Main"));

    [Fact]
    public void Import_ValuesOnly_WritesOnlyPrincipalCredentials()
    {
        var result = FixtureImport.Run("sfcicd", new ImportOptions(ValuesOnly: true));
        var json = SchemaCheck.AssertValid(result.Yaml);

        Assert.Equal(
            ["version", "stores", "externalCredentials"],
            json.AsObject().Select(p => p.Key));
        Assert.Equal(
            """{"principals":{"Admin":{"credentials":{"awsAccessKeyId":"""
            + """{"secret":"ci:AWS_ADMIN_AWSACCESSKEYID","encrypted":false},"awsSecretAccessKey":"""
            + """{"secret":"ci:AWS_ADMIN_AWSSECRETACCESSKEY"}}}}}""",
            json["externalCredentials"]!["AWS"]!.ToJsonString());

        var info = Assert.Single(
            result.Diagnostics,
            d => d.Message.StartsWith("values-only", StringComparison.Ordinal));
        Assert.Contains(
            "1 named credential(s) and 1 permission set(s)",
            info.Message,
            StringComparison.Ordinal);
        Assert.Equal(
            (1, 0, 0),
            (
                result.Summary.ExternalCredentials,
                result.Summary.NamedCredentials,
                result.Summary.PermissionSets
            ));
    }

    [Fact]
    public void Import_ValuesOnlyWithLegacyNamedCredentials_DoesNotListThem()
    {
        var result = FixtureImport.Run("dfj-salesforce", new ImportOptions(ValuesOnly: true));

        SchemaCheck.AssertValid(result.Yaml);
        Assert.DoesNotContain("Legacy", result.Yaml, StringComparison.Ordinal);
        Assert.DoesNotContain(result.Diagnostics, d => d.Severity == ImportSeverity.Warning);
    }

    [Fact]
    public void Import_DefinitionOnlyProblem_IsAnErrorOnlyWhenTheDefinitionIsWritten()
    {
        var xml = S.ExternalCredential(
            "Custom",
            S.Parameter("AuthParameter", "Scope", "api", group: "NoSuchPrincipal"),
            S.Principal("Main"));
        var files = new[] { (S.At(S.ExternalCredentialPath, "Partner"), xml) };

        var full = SampleTree.Import(files);
        var valuesOnly = SampleTree.Import(files, new ImportOptions(ValuesOnly: true));

        var error = Assert.Single(full.Diagnostics);
        Assert.Contains("group 'NoSuchPrincipal'", error.Message, StringComparison.Ordinal);
        Assert.False(valuesOnly.HasErrors, string.Join("\n", valuesOnly.Diagnostics));
        SchemaCheck.AssertValid(valuesOnly.Yaml);
    }

    [Fact]
    public void Import_ElementsInAnotherOrderWithoutDeclaration_WritesTheSameYaml()
    {
        var original = File.ReadAllText(Path.Combine(
            RepositoryPaths.MetadataFixtures,
            "Salesforce-Main__HarryPotter.externalCredential-meta.xml"));
        var reordered =
            "<ExternalCredential xmlns=\"http://soap.sforce.com/2006/04/metadata\">\n"
            + "    <label>Harry Potter</label>\n"
            + "    <externalCredentialParameters>\n"
            + "        <sequenceNumber>1</sequenceNumber>\n"
            + "        <parameterType>NamedPrincipal</parameterType>\n"
            + "        <parameterName>HarryPotterPrincipal</parameterName>\n"
            + "        <parameterGroup>HarryPotterPrincipal</parameterGroup>\n"
            + "    </externalCredentialParameters>\n"
            + "    <externalCredentialParameters>\n"
            + "        <parameterValue>NoAuthentication</parameterValue>\n"
            + "        <parameterType>AuthProtocolVariant</parameterType>\n"
            + "        <parameterName>Custom</parameterName>\n"
            + "        <parameterGroup>DefaultGroup</parameterGroup>\n"
            + "    </externalCredentialParameters>\n"
            + "    <authenticationProtocol>Custom</authenticationProtocol>\n"
            + "</ExternalCredential>\n";

        var fromOriginal = SampleTree.ImportExternalCredential("HarryPotter", original);
        var fromReordered = SampleTree.ImportExternalCredential("HarryPotter", reordered);

        Assert.Empty(fromReordered.Diagnostics);
        Assert.Equal(fromOriginal.Yaml, fromReordered.Yaml);
    }

    [Fact]
    public void Import_DisabledAccess_IsSkippedWithInfo()
    {
        var result = SampleTree.Import(
        [
            (S.At(S.ExternalCredentialPath, "Partner"), PartnerWithMainPrincipal),
            (S.At(S.PermissionSetPath, "Integration"), S.PermissionSet(("Partner-Main", false))),
        ]);

        var info = Assert.Single(result.Diagnostics);
        Assert.Equal((ImportSeverity.Info, 3), (info.Severity, info.Line));
        Assert.Contains("'Partner-Main' is disabled", info.Message, StringComparison.Ordinal);
        Assert.Empty(SchemaCheck.AssertValid(result.Yaml)["permissionSets"]!.AsObject());
    }

    [Fact]
    public void Import_AccessToUnknownPrincipalOfKnownExternalCredential_IsCommentedOut()
    {
        var result = SampleTree.Import(
        [
            (S.At(S.ExternalCredentialPath, "Partner"), PartnerWithMainPrincipal),
            (
                S.At(S.PermissionSetPath, "Integration"),
                S.PermissionSet(("Partner-Main", true), ("Partner-Other", true))
            ),
        ]);

        var warning = Assert.Single(result.Diagnostics);
        Assert.Contains(
            "external credential 'Partner' has no principal 'Other'",
            warning.Message,
            StringComparison.Ordinal);
        Assert.Equal(
            """["Partner-Main"]""",
            SchemaCheck.AssertValid(result.Yaml)["permissionSets"]!["Integration"]!.ToJsonString());
        Assert.Contains(
            "    # - Partner-Other  # external credential",
            result.Yaml,
            StringComparison.Ordinal);
    }

    [Fact]
    public void ImportDiagnostic_ToString_GivesFileLineColumnSeverityAndMessage()
    {
        Assert.Equal(
            "a.xml:3:5: warning: look",
            new ImportDiagnostic(ImportSeverity.Warning, "a.xml", 3, 5, "look").ToString());
        Assert.Equal(
            "dir: error: no such folder",
            new ImportDiagnostic(ImportSeverity.Error, "dir", 0, 0, "no such folder").ToString());
    }

    [Fact]
    public void ImportResult_WithErrorsAndYaml_IsRefused()
    {
        var error = new ImportDiagnostic(ImportSeverity.Error, "a.xml", 1, 1, "bad");

        Assert.Throws<ArgumentException>(
            () => new ImportResult("version: 1\n", [error], new ImportSummary(0, 0, 0, 0, 0, 0)));
    }
}
