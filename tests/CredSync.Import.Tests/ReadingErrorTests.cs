using CredSync.Import.Tests.Support;

namespace CredSync.Import.Tests;

/// <summary>Metadata that cannot be imported as it is, and how it is reported.</summary>
public sealed class ReadingErrorTests
{
    private const StringComparison Ordinal = StringComparison.Ordinal;

    public static TheoryData<string, string, int, int, string, string> UnknownElements() => new()
    {
        {
            MetadataSamples.At(MetadataSamples.ExternalCredentialPath, "Sample"),
            MetadataSamples.ExternalCredential("Custom")
                .Replace("    <label>", "    <principals>x</principals>\n    <label>", Ordinal),
            4, 5, "principals", "ExternalCredential"
        },
        {
            MetadataSamples.At(MetadataSamples.ExternalCredentialPath, "Sample"),
            MetadataSamples.ExternalCredential(
                "Custom",
                MetadataSamples.Principal("Main").Replace(
                    "<sequenceNumber>",
                    "<parameterKind>Named</parameterKind><sequenceNumber>",
                    StringComparison.Ordinal)),
            8, 9, "parameterKind", "externalCredentialParameters"
        },
        {
            MetadataSamples.At(MetadataSamples.NamedCredentialPath, "Sample"),
            MetadataSamples.NamedCredential("Sample")
                .Replace("    <label>", "    <endpointUrl>x</endpointUrl>\n    <label>", Ordinal),
            3, 5, "endpointUrl", "NamedCredential"
        },
        {
            MetadataSamples.At(MetadataSamples.NamedCredentialPath, "Sample"),
            MetadataSamples.NamedCredential("Sample").Replace(
                "        <parameterName>Url</parameterName>\n",
                "        <parameterName>Url</parameterName>\n"
                + "        <parameterLabel>x</parameterLabel>\n",
                StringComparison.Ordinal),
            6, 9, "parameterLabel", "namedCredentialParameters"
        },
        {
            MetadataSamples.At(MetadataSamples.PermissionSetPath, "Sample"),
            MetadataSamples.PermissionSet(("Sample-Main", true)).Replace(
                "        <enabled>",
                "        <grantedTo>x</grantedTo>\n        <enabled>",
                StringComparison.Ordinal),
            4, 9, "grantedTo", "externalCredentialPrincipalAccesses"
        },
    };

    [Theory]
    [MemberData(nameof(UnknownElements))]
    public void Import_UnknownElement_ReportsFileLineColumnAndElement(
        string path,
        string content,
        int line,
        int column,
        string element,
        string parent)
    {
        var result = SampleTree.Import([(path, content)]);

        Assert.True(result.HasErrors);
        Assert.Null(result.Yaml);

        var error = Assert.Single(result.Diagnostics, d => d.Severity == ImportSeverity.Error);
        Assert.EndsWith(path, error.File.Replace('\\', '/'), StringComparison.Ordinal);
        Assert.Equal((line, column), (error.Line, error.Column));
        Assert.Contains(
            $"unknown element <{element}> in <{parent}>",
            error.Message,
            StringComparison.Ordinal);
        Assert.Contains(
            $":{line}:{column}: error: unknown element",
            error.ToString(),
            StringComparison.Ordinal);
    }

    [Fact]
    public void Import_PermissionSetWithOtherPermissions_IgnoresThem()
    {
        var permissionSet = MetadataSamples.PermissionSet(("Sample-Main", true)).Replace(
            "    <label>",
            "    <fieldPermissions><field>Account.Name</field></fieldPermissions>\n"
            + "    <userPermissions><name>ApiEnabled</name></userPermissions>\n"
            + "    <label>",
            StringComparison.Ordinal);

        var result = SampleTree.Import(
        [
            (MetadataSamples.At(MetadataSamples.PermissionSetPath, "Sample"), permissionSet),
            (
                MetadataSamples.At(MetadataSamples.ExternalCredentialPath, "Sample"),
                MetadataSamples.ExternalCredential("Custom", MetadataSamples.Principal("Main"))
            ),
        ]);

        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        var json = SchemaCheck.AssertValid(result.Yaml);
        Assert.Equal("""["Sample-Main"]""", json["permissionSets"]!["Sample"]!.ToJsonString());
    }

    [Fact]
    public void Import_MalformedXml_ReportsItsPosition()
    {
        var xml = MetadataSamples.ExternalCredential("Custom").Replace(
            "</authenticationProtocol>",
            "</authenticationProtocl>",
            StringComparison.Ordinal);

        var result = SampleTree.ImportExternalCredential("Sample", xml);

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(ImportSeverity.Error, error.Severity);
        Assert.Equal(3, error.Line);
        Assert.True(error.Column > 1);
        Assert.StartsWith("malformed XML: ", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Line 3, position", error.Message, StringComparison.Ordinal);
        Assert.Null(result.Yaml);
    }

    [Fact]
    public void Import_DocumentTypeDefinition_IsRefused()
    {
        var xml = MetadataSamples.ExternalCredential("Custom").Replace(
            "<ExternalCredential ",
            "<!DOCTYPE ExternalCredential [<!ENTITY word \"Custom\">]>\n<ExternalCredential ",
            StringComparison.Ordinal);

        var result = SampleTree.ImportExternalCredential("Sample", xml);

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal((ImportSeverity.Error, 2), (error.Severity, error.Line));
        Assert.StartsWith("malformed XML: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_WrongRootElement_IsAnError()
    {
        var xml = MetadataSamples.NamedCredential("Sample");

        var result = SampleTree.ImportExternalCredential("Sample", xml);

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal((2, 1), (error.Line, error.Column));
        Assert.Contains("<ExternalCredential>", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Password")]
    [InlineData("NoAuthentication")]
    [InlineData("JwtExchange")]
    public void Import_ProtocolOutsideConnectApi_IsAnError(string protocol)
    {
        var xml = MetadataSamples.ExternalCredential(protocol, MetadataSamples.Principal("Main"));

        var result = SampleTree.ImportExternalCredential("Sample", xml);

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal((ImportSeverity.Error, 3, 5), (error.Severity, error.Line, error.Column));
        Assert.Contains(
            $"'{protocol}' is not supported by the Connect API",
            error.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Import_UnknownProtocol_IsAnError()
    {
        var result = SampleTree.ImportExternalCredential(
            "Sample",
            MetadataSamples.ExternalCredential("Kerberos"));

        var error = Assert.Single(result.Diagnostics);
        Assert.Contains(
            "unknown authenticationProtocol 'Kerberos'",
            error.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Import_UnknownParameterType_IsAnError()
    {
        var xml = MetadataSamples.ExternalCredential(
            "Custom",
            MetadataSamples.Parameter("ApiKeyHeader", "Key", "x"));

        var result = SampleTree.ImportExternalCredential("Sample", xml);

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal((ImportSeverity.Error, 4, 5), (error.Severity, error.Line, error.Column));
        Assert.Contains(
            "unknown parameterType 'ApiKeyHeader'",
            error.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Import_InternalParameterType_IsLeftOutWithWarning()
    {
        var xml = MetadataSamples.ExternalCredential(
            "Custom",
            MetadataSamples.Parameter("CreatedByNamespace", "Namespace", "acme"),
            MetadataSamples.Principal("Main"));

        var result = SampleTree.ImportExternalCredential("Sample", xml);

        var warning = Assert.Single(result.Diagnostics);
        Assert.Equal(ImportSeverity.Warning, warning.Severity);
        Assert.Contains("internal to Salesforce", warning.Message, StringComparison.Ordinal);
        var json = SchemaCheck.AssertValid(result.Yaml);
        Assert.Empty(json["externalCredentials"]!["Sample"]!["parameters"]!.AsArray());
    }

    [Fact]
    public void Import_RepeatedSingleElement_IsAnError()
    {
        var xml = MetadataSamples.ExternalCredential("Custom")
            .Replace(
                "    <label>",
                "    <label>One</label>\n    <label>",
                StringComparison.Ordinal);

        var result = SampleTree.ImportExternalCredential("Sample", xml);

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(5, error.Line);
        Assert.Contains("<label> appears more than once", error.Message, StringComparison.Ordinal);
        Assert.Contains("line 4", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_MissingRequiredElements_AreEachReported()
    {
        var xml = "<ExternalCredential xmlns=\"http://soap.sforce.com/2006/04/metadata\">\n"
            + "    <externalCredentialParameters>\n"
            + "        <parameterType>NamedPrincipal</parameterType>\n"
            + "    </externalCredentialParameters>\n"
            + "</ExternalCredential>\n";

        var result = SampleTree.ImportExternalCredential("Sample", xml);

        Assert.Equal(
            [
                (1, "<ExternalCredential> has no <authenticationProtocol>, which is required"),
                (1, "<ExternalCredential> has no <label>, which is required"),
                (2, "<externalCredentialParameters> has no <parameterName>, which is required"),
            ],
            result.Diagnostics.Select(d => (d.Line, d.Message)));
    }

    [Fact]
    public void Import_SameDeveloperNameInTwoPackageFolders_NamesBothFiles()
    {
        var xml = MetadataSamples.ExternalCredential("Custom", MetadataSamples.Principal("Main"));

        var result = SampleTree.Import(
        [
            ("force-app/main/default/externalCredentials/OpenAI.externalCredential-meta.xml", xml),
            ("upcoming/main/default/externalCredentials/OpenAI.externalCredential", xml),
        ]);

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(ImportSeverity.Error, error.Severity);
        Assert.Contains(
            "external credential 'OpenAI' is defined twice",
            error.Message,
            StringComparison.Ordinal);
        Assert.Contains(
            "force-app/main/default/externalCredentials/OpenAI.externalCredential-meta.xml",
            error.Message.Replace('\\', '/'),
            StringComparison.Ordinal);
        Assert.Contains(
            "upcoming/main/default/externalCredentials/OpenAI.externalCredential",
            error.Message.Replace('\\', '/'),
            StringComparison.Ordinal);
    }

    [Fact]
    public void Import_MissingFolder_IsAnError()
    {
        var missing = Path.Combine(Path.GetTempPath(), "credsync-import-tests", "no-such-folder");

        var result = new MetadataImporter().Import(missing, new ImportOptions());

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal((ImportSeverity.Error, missing), (error.Severity, error.File));
        Assert.Null(result.Yaml);
    }

    [Fact]
    public void Import_FolderWithoutMetadata_WarnsAndWritesAnEmptyFile()
    {
        var result = SampleTree.Import([("README.md", "# nothing here\n")]);

        var warning = Assert.Single(result.Diagnostics);
        Assert.Equal(ImportSeverity.Warning, warning.Severity);
        var json = SchemaCheck.AssertValid(result.Yaml);
        Assert.Empty(json["externalCredentials"]!.AsObject());
    }

    [Fact]
    public void Import_FilesUnderHiddenFolders_AreNotRead()
    {
        var xml = MetadataSamples.ExternalCredential("Custom", MetadataSamples.Principal("Main"));

        var result = SampleTree.Import(
        [
            (MetadataSamples.At(MetadataSamples.ExternalCredentialPath, "Sample"), xml),
            (".sf/cache/externalCredentials/Sample.externalCredential-meta.xml", xml),
            ("node_modules/pkg/Sample.externalCredential-meta.xml", xml),
        ]);

        Assert.Empty(result.Diagnostics);
        Assert.Equal(1, result.Summary.MetadataFilesRead);
    }
}
