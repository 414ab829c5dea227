using CredSync.Core.Diagnostics;
using CredSync.Core.Loading;
using CredSync.Core.Model;
using CredSync.Core.Tests.Support;

namespace CredSync.Core.Tests.Loading;

public sealed class BinderTests
{
    private const string Base = "/work/project";

    private static Binder CreateSut(string yaml)
    {
        var document = YamlReader.Read(Errors.File, yaml);
        Assert.Empty(SchemaValidator.Validate(document));

        return new Binder(document, Base);
    }

    private static (DesiredState State, IReadOnlyList<Diagnostic> Errors) Bind(string yaml)
    {
        var sut = CreateSut(yaml);
        var state = sut.Bind("digest");

        return (state, sut.Diagnostics.Where(d => d.IsError).ToList());
    }

    [Fact]
    public void Bind_NamedCredentialWithOnlyRequiredKeys_GetsSalesforceDefaults()
    {
        var (state, errors) = Bind(
            "version: 1\nexternalCredentials:\n  E: {}\nnamedCredentials:\n  Api:\n    url: https://x.example\n" +
            "    externalCredential: E\n");

        Assert.Empty(errors);
        var nc = Assert.Single(state.NamedCredentials);
        Assert.Equal("Api", nc.Label);
        Assert.Equal("SecuredEndpoint", nc.Type);
        Assert.True(nc.Enabled);
        Assert.True(nc.GenerateAuthorizationHeader);
        Assert.False(nc.AllowMergeFieldsInHeader);
        Assert.False(nc.AllowMergeFieldsInBody);
        Assert.Empty(nc.Headers);
        Assert.Empty(nc.AllowedNamespaces);
    }

    [Fact]
    public void Bind_NamedCredentialWithValues_KeepsThem()
    {
        var (state, errors) = Bind("""
            version: 1
            externalCredentials:
              E: {}
            namedCredentials:
              Api:
                label: The API
                url: https://x.example
                externalCredential: E
                enabled: false
                generateAuthorizationHeader: false
                allowedNamespaces: [ zeta, alpha ]
            """);

        Assert.Empty(errors);
        var nc = Assert.Single(state.NamedCredentials);
        Assert.Equal("The API", nc.Label);
        Assert.False(nc.Enabled);
        Assert.False(nc.GenerateAuthorizationHeader);
        Assert.Equal(["alpha", "zeta"], nc.AllowedNamespaces);
    }

    [Fact]
    public void Bind_Headers_NumberedInListOrder()
    {
        var (state, errors) = Bind("""
            version: 1
            externalCredentials:
              E:
                label: E
                protocol: Custom
                headers:
                  - { name: Z-First, value: "1" }
                  - { name: A-Second, value: "2" }
                  - { name: M-Third, value: "3" }
            """);

        Assert.Empty(errors);
        var headers = Assert.Single(state.ExternalCredentials).Headers;
        Assert.Equal([("Z-First", 1), ("A-Second", 2), ("M-Third", 3)], headers.Select(h => (h.Name, h.Sequence)));
    }

    [Fact]
    public void Bind_DuplicateHeaderName_Refused()
    {
        var (_, errors) = Bind("""
            version: 1
            externalCredentials:
              E: {}
            namedCredentials:
              N:
                url: https://x
                externalCredential: E
                headers:
                  - { name: X, value: "1" }
                  - { name: X, value: "2" }
            """);

        Assert.Equal("Duplicate header in named credential 'N': 'X'.", Assert.Single(errors).Summary);
    }

    [Fact]
    public void Bind_PrincipalSequences_DefaultToPositionAndDuplicatesAreRefused()
    {
        var (state, errors) = Bind("""
            version: 1
            externalCredentials:
              E:
                label: E
                protocol: Custom
                principals:
                  A: { type: NamedPrincipal }
                  B: { type: NamedPrincipal }
                  C: { type: NamedPrincipal, sequence: 1 }
            """);

        Assert.Equal([1, 2, 1], Assert.Single(state.ExternalCredentials).Principals.Select(p => p.Sequence));
        Assert.Equal("Duplicate principal sequence number in external credential 'E': '1'.",
            Assert.Single(errors).Summary);
    }

    [Theory]
    [InlineData("2", 2)]
    [InlineData("2.0", 2)]
    [InlineData("999999", 999999)]
    public void Bind_PrincipalSequenceWrittenAsAnyIntegralNumber_Read(string sequence, int expected)
    {
        var (state, errors) = Bind(
            "version: 1\nexternalCredentials:\n  E:\n    label: E\n    protocol: Custom\n    principals:\n" +
            "      P: { type: NamedPrincipal, sequence: " + sequence + " }\n");

        Assert.Empty(errors);
        Assert.Equal(expected, Assert.Single(Assert.Single(state.ExternalCredentials).Principals).Sequence);
    }

    [Fact]
    public void Bind_ExternalCredentialWithoutProtocol_IsValuesOnly()
    {
        var (state, errors) = Bind("version: 1\nexternalCredentials:\n  E:\n    principals:\n      P: {}\n");

        Assert.Empty(errors);
        var ec = Assert.Single(state.ExternalCredentials);
        Assert.True(ec.ValuesOnly);
        Assert.Null(Assert.Single(ec.Principals).Type);
    }

    [Fact]
    public void Bind_FileStoreRoot_RelativeToTheFile()
    {
        var (state, errors) = Bind(
            "version: 1\nstores:\n  local: { type: file, root: ./secrets }\n  up: { type: file, root: ../shared }\n");

        Assert.Empty(errors);
        Assert.Equal(Path.GetFullPath("/work/project/secrets"), state.Stores[0].Settings["root"]);
        Assert.Equal(Path.GetFullPath("/work/shared"), state.Stores[1].Settings["root"]);
    }

    [Fact]
    public void Bind_Ledger_DefaultsUnderTheFilesFolder()
    {
        var (state, _) = Bind("version: 1\n");

        Assert.Equal(Path.GetFullPath("/work/project/.credsync/ledger.json"), state.Ledger.Path);
        Assert.Equal(Path.GetFullPath("/work/project/.credsync/ledger.key"), state.Ledger.DefaultKeyPath);
        Assert.Null(state.Ledger.Key);
    }

    [Fact]
    public void Bind_Credentials_BoundBySource()
    {
        var (state, errors) = Bind("""
            version: 1
            stores:
              ci: { type: env }
            externalCredentials:
              E:
                principals:
                  P:
                    credentials:
                      Secret: { secret: "ci:API_KEY" }
                      Plain: { secret: { store: ci, key: ACCOUNT, property: id }, encrypted: false }
                      Literal: { value: acct_1, encrypted: false }
                      Token: { runtimeManaged: true }
            """);

        Assert.Empty(errors);
        var credentials = Assert.Single(Assert.Single(state.ExternalCredentials).Principals).Credentials;
        Assert.Equal(
            [
                ("Secret", CredentialSource.Secret, true),
                ("Plain", CredentialSource.Secret, false),
                ("Literal", CredentialSource.Literal, false),
                ("Token", CredentialSource.RuntimeManaged, true),
            ],
            credentials.Select(c => (c.Key, c.Source, c.Encrypted)));
        Assert.Equal(new SecretReference("ci", "API_KEY"), credentials[0].Secret);
        Assert.Equal(new SecretReference("ci", "ACCOUNT", "id"), credentials[1].Secret);
        Assert.Equal("acct_1", credentials[2].Literal);
        Assert.Equal(9, credentials[0].Location.Line);
    }

    [Fact]
    public void Bind_SecretFromUndeclaredStore_NamesStoreAndUse()
    {
        var (_, errors) = Bind("""
            version: 1
            stores:
              ci: { type: env }
            externalCredentials:
              E:
                principals:
                  P:
                    credentials:
                      k: { secret: "vault:path/to#field" }
            """);

        var d = Assert.Single(errors);
        Assert.Equal(
            "Secret reference 'vault:path/to#field' for 'externalCredential.E.principal.P.k' names the store " +
            "'vault', which is not declared.", d.Summary);
        Assert.Equal("Declared stores: 'ci'.", d.Detail);
        Assert.Equal(9, d.Location!.Line);
    }

    [Fact]
    public void Bind_LedgerKeyFromUndeclaredStore_Refused()
    {
        var (_, errors) = Bind("version: 1\nledger:\n  key: \"nope:KEY\"\n");

        var d = Assert.Single(errors);
        Assert.Contains("ledger key reference 'nope:KEY'", d.Summary, StringComparison.Ordinal);
        Assert.Equal(3, d.Location!.Line);
    }

    [Fact]
    public void Bind_NamedCredentialOnUndeclaredExternalCredential_Refused()
    {
        var (_, errors) = Bind(
            "version: 1\nnamedCredentials:\n  N:\n    url: https://x\n    externalCredential: Missing\n");

        var d = Assert.Single(errors);
        Assert.Equal("Named credential 'N' uses external credential 'Missing', which the file does not declare.",
            d.Summary);
        Assert.Equal(new SourceLocation(Errors.File, 5, 25), d.Location);
    }

    [Fact]
    public void Bind_PermissionSetOnUndeclaredExternalCredential_Refused()
    {
        var (_, errors) = Bind("version: 1\npermissionSets:\n  Ops: [ \"Nope-Default\" ]\n");

        var d = Assert.Single(errors);
        Assert.Equal(
            "Permission set 'Ops' grants access to 'Nope-Default', but external credential 'Nope' is not declared.",
            d.Summary);
        Assert.Equal(3, d.Location!.Line);
    }

    [Fact]
    public void Bind_PermissionSetOnUndeclaredPrincipal_ListsTheDeclaredOnes()
    {
        var (_, errors) = Bind(
            "version: 1\nexternalCredentials:\n  E:\n    principals:\n      Main-One: {}\npermissionSets:\n" +
            "  Ops: [ \"E-Main-One\", \"E-Other\" ]\n");

        var d = Assert.Single(errors);
        Assert.Equal("Permission set 'Ops' grants access to 'E-Other', but 'E' declares no principal 'Other'.",
            d.Summary);
        Assert.Equal("Declared principals: 'Main-One'.", d.Detail);
    }

    [Fact]
    public void Bind_VariantOfAnotherProtocol_Refused()
    {
        var (_, errors) = Bind(
            "version: 1\nexternalCredentials:\n  E:\n    label: E\n    protocol: Custom\n    variant: JwtBearer\n");

        var d = Assert.Single(errors);
        Assert.Equal("Variant 'JwtBearer' does not belong to protocol 'Custom' in external credential 'E'.", d.Summary);
        Assert.Equal("Use one of: NoAuthentication; or null.", d.Detail);
        Assert.Equal(new SourceLocation(Errors.File, 6, 14), d.Location);
    }

    [Fact]
    public void Bind_VariantOnProtocolWithoutVariants_Refused()
    {
        var (_, errors) = Bind(
            "version: 1\nexternalCredentials:\n  E:\n    label: E\n    protocol: Basic\n    variant: JwtBearer\n");

        Assert.Contains("has no variants", Assert.Single(errors).Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(
        "OAuth", "clientId: { secret: \"ci:ID\", encrypted: false }\n          clientSecret: { secret: \"ci:S\" }")]
    [InlineData("Basic", "username: { value: u, encrypted: false }\n          password: { secret: \"ci:P\" }")]
    [InlineData(
        "AwsSv4", "awsAccessKeyId: { secret: \"ci:A\", encrypted: false }\n" +
        "          awsSecretAccessKey: { secret: \"ci:S\" }\n          awsRoleArn: { value: arn, encrypted: false }")]
    [InlineData("Custom", "anything: { secret: \"ci:A\" }\n          else: { value: x, encrypted: false }")]
    public void Bind_ProtocolKeysWithRightEncryption_Accepted(string protocol, string credentials)
    {
        var (_, errors) = Bind(ProtocolFile(protocol, credentials));

        Assert.Empty(errors);
    }

    [Theory]
    [InlineData("OAuth", "token: { secret: \"ci:T\" }",
        "Protocol 'OAuth' does not take a credential named 'token' (principal 'P' of 'E').")]
    [InlineData("Basic", "apiKey: { secret: \"ci:T\" }",
        "Protocol 'Basic' does not take a credential named 'apiKey' (principal 'P' of 'E').")]
    [InlineData("AwsSv4", "secret: { secret: \"ci:T\" }",
        "Protocol 'AwsSv4' does not take a credential named 'secret' (principal 'P' of 'E').")]
    [InlineData("OAuth", "clientSecret: { secret: \"ci:S\", encrypted: false }",
        "Credential 'clientSecret' of principal 'P' ('E') must be encrypted for protocol 'OAuth'.")]
    [InlineData("OAuth", "clientId: { secret: \"ci:S\" }",
        "Credential 'clientId' of principal 'P' ('E') must be unencrypted for protocol 'OAuth'.")]
    [InlineData("Basic", "password: { value: p, encrypted: false }",
        "Credential 'password' of principal 'P' ('E') must be encrypted for protocol 'Basic'.")]
    [InlineData("AwsSv4", "awsSecretAccessKey: { secret: \"ci:S\", encrypted: false }",
        "Credential 'awsSecretAccessKey' of principal 'P' ('E') must be encrypted for protocol 'AwsSv4'.")]
    [InlineData("AwsSv4", "awsAccessKeyId: { secret: \"ci:S\" }",
        "Credential 'awsAccessKeyId' of principal 'P' ('E') must be unencrypted for protocol 'AwsSv4'.")]
    public void Bind_ProtocolKeyNotAllowedOrWronglyEncrypted_Refused(string protocol, string credentials,
        string summary)
    {
        var (_, errors) = Bind(ProtocolFile(protocol, credentials));

        var d = Assert.Single(errors);
        Assert.Equal(summary, d.Summary);
        Assert.Equal(12, d.Location!.Line);
    }

    [Fact]
    public void Bind_RuntimeManagedKeyOfOAuth_NotCheckedAgainstTheAllowList()
    {
        var (_, errors) = Bind(ProtocolFile("OAuth", "refreshToken: { runtimeManaged: true }"));

        Assert.Empty(errors);
    }

    [Fact]
    public void Bind_AwsStsPrincipalOutsideAwsSv4_Refused()
    {
        var (_, errors) = Bind(
            "version: 1\nexternalCredentials:\n  E:\n    label: E\n    protocol: Custom\n    principals:\n" +
            "      P: { type: AwsStsPrincipal }\n");

        Assert.Contains("AwsStsPrincipal", Assert.Single(errors).Summary, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("58.0", true)]
    [InlineData("40.0", true)]
    [InlineData("59.0", false)]
    [InlineData("66.0", false)]
    [InlineData("100.0", false)]
    public void Bind_ApiVersionBelow59_Refused(string version, bool refused)
    {
        var (state, errors) = Bind($"version: 1\norg:\n  apiVersion: \"{version}\"\n");

        Assert.Equal(version, state.ApiVersion);
        Assert.Equal(refused, errors.Any(e => e.Summary == $"API version {version} is too old."));
        Assert.Equal(refused ? 1 : 0, errors.Count);
    }

    [Fact]
    public void Bind_SeveralProblems_AllReported()
    {
        var (_, errors) = Bind("""
            version: 1
            org:
              apiVersion: "58.0"
            externalCredentials:
              E:
                label: E
                protocol: Basic
                variant: JwtBearer
                principals:
                  P:
                    type: NamedPrincipal
                    credentials:
                      token: { secret: "nostore:T" }
            namedCredentials:
              N: { url: "https://x", externalCredential: Other }
            """);

        Assert.Equal(5, errors.Count);
        Assert.All(errors, e => Assert.NotNull(e.Location));
    }

    private static string ProtocolFile(string protocol, string credentials) =>
        "version: 1\nstores:\n  ci: { type: env }\nexternalCredentials:\n  E:\n    label: E\n    protocol: " +
            protocol +
        "\n    principals:\n      P:\n        type: NamedPrincipal\n        credentials:\n          " + credentials +
            "\n";
}
