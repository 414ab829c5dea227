using CredSync.Import.Tests.Support;
using S = CredSync.Import.Tests.Support.MetadataSamples;

namespace CredSync.Import.Tests;

/// <summary>Named credential fields that the real fixtures leave unset.</summary>
public sealed class NamedCredentialMappingTests
{
    private static readonly string Partner = S.ExternalCredential("Custom", S.Principal("Main"));

    [Fact]
    public void Import_PrivateEndpointWithEveryOptionalField_WritesThemAll()
    {
        var xml = S.NamedCredential(
                "Partner",
                S.HttpHeader("X-Second", "{!$Credential.Partner.Second}", 2),
                S.HttpHeader("X-First", "{!$Credential.Partner.First}", 1),
                Parameter("AllowedManagedPackageNamespaces", "Namespaces", "zeta,alpha"),
                Parameter("ClientCertificate", "ClientCertificate", null, "certificate", "MyCert"),
                Parameter(
                    "OutboundNetworkConnection",
                    "Network",
                    null,
                    "outboundNetworkConnection",
                    "Private_Link"))
            .Replace("SecuredEndpoint", "PrivateEndpoint", StringComparison.Ordinal)
            .Replace(
                "    <label>Sample</label>\n",
                "    <label>Sample</label>\n"
                + "    <description>Payments: test # account</description>\n"
                + "    <calloutStatus>Disabled</calloutStatus>\n",
                StringComparison.Ordinal);

        var result = Import(xml);

        Assert.Empty(result.Diagnostics);
        var namedCredential = SchemaCheck.AssertValid(result.Yaml)["namedCredentials"]!["Api"]!;
        Assert.Equal("PrivateEndpoint", namedCredential["type"]!.GetValue<string>());
        Assert.Equal(
            "Payments: test # account",
            namedCredential["description"]!.GetValue<string>());
        Assert.False(namedCredential["enabled"]!.GetValue<bool>());
        Assert.Equal(
            ["X-First", "X-Second"],
            namedCredential["headers"]!.AsArray().Select(h => h!["name"]!.GetValue<string>()));
        Assert.Equal("""["alpha","zeta"]""", namedCredential["allowedNamespaces"]!.ToJsonString());
        Assert.Equal("MyCert", namedCredential["clientCertificate"]!.GetValue<string>());
        Assert.Equal("Private_Link", namedCredential["networkConnection"]!.GetValue<string>());
    }

    [Fact]
    public void Import_NamedCredentialWithoutUrl_IsAnError()
    {
        var xml = S.NamedCredential("Partner").Replace(
            "<parameterType>Url</parameterType>",
            "<parameterType>HttpHeader</parameterType>",
            StringComparison.Ordinal);

        var result = Import(xml);

        var error = Assert.Single(result.Diagnostics, d => d.Severity == ImportSeverity.Error);
        Assert.Contains("has no Url parameter", error.Message, StringComparison.Ordinal);
        Assert.Null(result.Yaml);
    }

    [Fact]
    public void Import_NamedCredentialWithoutType_IsReadAsSecuredEndpoint()
    {
        var xml = S.NamedCredential("Partner").Replace(
            "    <namedCredentialType>SecuredEndpoint</namedCredentialType>\n",
            "",
            StringComparison.Ordinal);

        var result = Import(xml);

        var info = Assert.Single(result.Diagnostics);
        Assert.Equal(ImportSeverity.Info, info.Severity);
        var namedCredential = SchemaCheck.AssertValid(result.Yaml)["namedCredentials"]!["Api"]!;
        Assert.Equal("SecuredEndpoint", namedCredential["type"]!.GetValue<string>());
    }

    [Fact]
    public void Import_LegacyFieldOnSecuredEndpoint_IsIgnoredWithWarning()
    {
        var xml = S.NamedCredential("Partner").Replace(
            "    <label>Sample</label>\n",
            "    <label>Sample</label>\n    <protocol>Oauth</protocol>\n",
            StringComparison.Ordinal);

        var result = Import(xml);

        var warning = Assert.Single(result.Diagnostics);
        Assert.Equal(
            (ImportSeverity.Warning, 4, 5),
            (warning.Severity, warning.Line, warning.Column));
        Assert.Contains("<protocol> is a legacy", warning.Message, StringComparison.Ordinal);
        Assert.NotNull(SchemaCheck.AssertValid(result.Yaml)["namedCredentials"]!["Api"]);
    }

    [Fact]
    public void Import_StandardNamedCredential_IsLeftOutWithoutCheckingItsParameters()
    {
        var xml = "<NamedCredential xmlns=\"http://soap.sforce.com/2006/04/metadata\">\n"
            + "    <label>Internal</label>\n"
            + "    <namedCredentialType>Standard</namedCredentialType>\n"
            + "</NamedCredential>\n";

        var result = Import(xml);

        var warning = Assert.Single(result.Diagnostics);
        Assert.Equal((ImportSeverity.Warning, 3), (warning.Severity, warning.Line));
        Assert.Empty(SchemaCheck.AssertValid(result.Yaml)["namedCredentials"]!.AsObject());
    }

    [Fact]
    public void Import_LegacySecretField_WarnsWithoutRepeatingIt()
    {
        var xml = "<NamedCredential xmlns=\"http://soap.sforce.com/2006/04/metadata\">\n"
            + "    <endpoint>https://example.com</endpoint>\n"
            + "    <label>Old</label>\n"
            + "    <password>hunter2-canary</password>\n"
            + "    <principalType>NamedUser</principalType>\n"
            + "    <protocol>Password</protocol>\n"
            + "    <username>integration</username>\n"
            + "</NamedCredential>\n";

        var result = Import(xml);

        Assert.Equal(2, result.Diagnostics.Count);
        var secret = Assert.Single(result.Diagnostics, d => d.Line == 4);
        Assert.Equal((ImportSeverity.Warning, 5), (secret.Severity, secret.Column));
        Assert.Contains(
            "<password> value in plain metadata",
            secret.Message,
            StringComparison.Ordinal);
        Assert.All(
            result.Diagnostics,
            d => Assert.DoesNotContain("hunter2-canary", d.Message, StringComparison.Ordinal));
        Assert.DoesNotContain("hunter2-canary", result.Yaml, StringComparison.Ordinal);
        Assert.Contains(
            "#   Api: legacy named credential (protocol Password, principal type NamedUser)",
            result.Yaml,
            StringComparison.Ordinal);
    }

    private static ImportResult Import(string namedCredentialXml) =>
        SampleTree.Import(
        [
            (S.At(S.ExternalCredentialPath, "Partner"), Partner),
            (S.At(S.NamedCredentialPath, "Api"), namedCredentialXml),
        ]);

    private static string Parameter(
        string type,
        string name,
        string? value,
        string? element = null,
        string? elementValue = null) =>
        "    <namedCredentialParameters>\n"
        + (element is null ? "" : $"        <{element}>{elementValue}</{element}>\n")
        + $"        <parameterName>{name}</parameterName>\n"
        + $"        <parameterType>{type}</parameterType>\n"
        + (value is null ? "" : $"        <parameterValue>{value}</parameterValue>\n")
        + "    </namedCredentialParameters>\n";
}
