using CredSync.Core.Loading;
using CredSync.Core.Tests.Support;

namespace CredSync.Core.Tests.Loading;

public sealed class SchemaValidatorTests
{
    private const string ValuesOnlyHeader = "version: 1\nexternalCredentials:\n  E:\n    principals:\n      P:\n" +
        "        credentials:\n";

    [Fact]
    public void Validate_ValidFile_NoDiagnostics()
    {
        var document = YamlReader.Read(Errors.File,
            "version: 1\nstores:\n  ci: { type: env }\nexternalCredentials:\n  E:\n    principals:\n      P:\n" +
                "        credentials:\n          k: { secret: \"ci:K\" }\n");

        var diagnostics = SchemaValidator.Validate(document);

        Assert.Empty(diagnostics);
    }

    [Fact]
    public void Validate_UnknownTopLevelKey_NamedAtItsKeyWithAllowedKeys()
    {
        var d = Errors.Single("version: 1\nextrnalCredentials: {}\n");

        Assert.Equal("Unknown key 'extrnalCredentials' in the top level.", d.Summary);
        Assert.Contains("externalCredentials", d.Detail, StringComparison.Ordinal);
        Errors.At(d, 2, 1);
    }

    [Fact]
    public void Validate_UnknownNestedKey_NamesItsParent()
    {
        var d = Errors.Single(
            "version: 1\nnamedCredentials:\n  N:\n    url: https://x\n    externalCredential: E\n    colour: red\n");

        Assert.Equal("Unknown key 'colour' in 'namedCredentials.N'.", d.Summary);
        Errors.At(d, 6, 5);
    }

    [Fact]
    public void Validate_ProtocolNotInEnum_ListsTheAllowedValues()
    {
        var d = Errors.Single("version: 1\nexternalCredentials:\n  E:\n    label: E\n    protocol: Oauth2\n");

        Assert.Equal("'externalCredentials.E.protocol' is \"Oauth2\", which is not allowed.", d.Summary);
        Assert.Contains("\"OAuth\"", d.Detail, StringComparison.Ordinal);
        Errors.At(d, 5, 15);
    }

    [Fact]
    public void Validate_MissingRequired_NamesTheKeyAtItsOwner()
    {
        var d = Errors.Single("version: 1\nnamedCredentials:\n  N:\n    externalCredential: E\n");

        Assert.Equal("'namedCredentials.N' is missing 'url'.", d.Summary);
        Errors.At(d, 3, 3);
    }

    [Fact]
    public void Validate_MissingVersion_Reported()
    {
        var d = Errors.Single("stores: {}\n");

        Assert.Equal("The file is missing 'version'.", d.Summary);
    }

    [Fact]
    public void Validate_ValuesOnlyPrincipalWithType_SaysItMayHoldOnlyCredentials()
    {
        var d = Errors.Single(
            "version: 1\nexternalCredentials:\n  E:\n    principals:\n      P:\n        type: NamedPrincipal\n");

        Assert.Contains("'externalCredentials.E.principals.P' belongs to a values-only external credential",
            d.Summary, StringComparison.Ordinal);
        Assert.Contains("Remove 'type'", d.Detail, StringComparison.Ordinal);
        Errors.At(d, 6, 9);
    }

    [Fact]
    public void Validate_LabelWithoutProtocol_SaysProtocolIsMissing()
    {
        var d = Errors.Single("version: 1\nexternalCredentials:\n  E:\n    label: E\n");

        Assert.Equal("'externalCredentials.E' is missing 'protocol'.", d.Summary);
        Errors.At(d, 3, 3);
    }

    [Theory]
    [InlineData("Bad-Name")]
    [InlineData("1Stripe")]
    [InlineData("Two__Under_scores__x")]
    [InlineData("trailing_")]
    public void Validate_BadDeveloperName_PointsAtTheName(string name)
    {
        var d = Errors.Single($"version: 1\nexternalCredentials:\n  {name}: {{}}\n");

        Assert.Equal($"The name '{name}' in 'externalCredentials' is not valid.", d.Summary);
        Assert.Contains("developer name", d.Detail, StringComparison.Ordinal);
        Errors.At(d, 3, 3);
    }

    [Theory]
    [InlineData("Stripe")]
    [InlineData("ns__Stripe_Api")]
    public void Validate_GoodDeveloperName_Accepted(string name)
    {
        var state = Errors.Load($"version: 1\nexternalCredentials:\n  {name}: {{}}\n");

        Assert.Equal(name, Assert.Single(state.ExternalCredentials).Name);
    }

    [Fact]
    public void Validate_PrincipalNameWithSpaceAndHyphen_Accepted()
    {
        var state = Errors.Load(
            "version: 1\nexternalCredentials:\n  E:\n    principals:\n      \"My Principal-1\": {}\n");

        Assert.Equal("My Principal-1", Assert.Single(Assert.Single(state.ExternalCredentials).Principals).Name);
    }

    [Fact]
    public void Validate_LiteralWithoutEncryptedFalse_SaysSo()
    {
        var d = Errors.Single(ValuesOnlyHeader + "          k: { value: x }\n");

        Assert.Equal(
            "'externalCredentials.E.principals.P.credentials.k' gives a literal value without 'encrypted: false'.",
            d.Summary);
        Errors.At(d, 7, 14);
    }

    [Fact]
    public void Validate_LiteralWithEncryptedTrue_SaysSo()
    {
        var d = Errors.Single(ValuesOnlyHeader + "          k: { value: x, encrypted: true }\n");

        Assert.Contains("without 'encrypted: false'", d.Summary, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("nocolon")]
    [InlineData("a:b#c#d")]
    [InlineData("1store:key")]
    [InlineData("store:")]
    public void Validate_BadSecretReference_SaysItIsNotAReference(string reference)
    {
        var d = Errors.Single(ValuesOnlyHeader + $"          k: {{ secret: \"{reference}\" }}\n");

        Assert.Equal(
            $"'externalCredentials.E.principals.P.credentials.k.secret' \"{reference}\" is not a secret reference.",
            d.Summary);
        Errors.At(d, 7, 24);
    }

    [Fact]
    public void Validate_CredentialOfNoKnownForm_SaysWhatFormsExist()
    {
        var d = Errors.Single(ValuesOnlyHeader + "          k: { runtimeManaged: false }\n");

        Assert.Contains("is not a credential value CredSync understands", d.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_StoreOfUnknownType_Reported()
    {
        var d = Errors.Single("version: 1\nstores:\n  v: { type: vaultx }\n");

        Assert.Contains("'stores.v.type' is \"vaultx\"", d.Summary, StringComparison.Ordinal);
        Errors.At(d, 3, 14);
    }

    [Fact]
    public void Validate_FileStoreWithoutRoot_Reported()
    {
        var d = Errors.Single("version: 1\nstores:\n  f: { type: file }\n");

        Assert.Equal("'stores.f' is missing 'root'.", d.Summary);
    }

    [Fact]
    public void Validate_PrincipalOfFullDefinitionWithoutType_NamesTheMissingKey()
    {
        var d = Errors.Single(
            "version: 1\nexternalCredentials:\n  E:\n    label: E\n    protocol: Custom\n    principals:\n" +
            "      P: {}\n");

        Assert.Equal("'externalCredentials.E.principals.P' is missing 'type'.", d.Summary);
        Errors.At(d, 7, 7);
    }

    [Fact]
    public void Validate_WrongType_SaysWhatItMustBe()
    {
        var d = Errors.Single("version: 1\npolicy:\n  prune: \"yes\"\n");

        Assert.Equal("'policy.prune' is \"yes\"; it must be a boolean.", d.Summary);
        Errors.At(d, 3, 10);
    }

    [Fact]
    public void Validate_WrongTypeInsideAStoreRule_SaysTheExpectedType()
    {
        var d = Errors.Single("version: 1\nstores:\n  f: { type: file, root: 5 }\n");

        Assert.Equal("'stores.f.root' is 5; it must be a string.", d.Summary);
        Errors.At(d, 3, 26);
    }

    [Fact]
    public void Validate_ManyProblems_AllReportedAtOnceInFileOrder()
    {
        var yaml = """
            version: 1
            colour: blue
            externalCredentials:
              Bad-Name: {}
              E:
                label: E
                protocol: Oauth2
                principals:
                  P:
                    type: NamedPrincipal
                    credentials:
                      k: { value: x }
                      r: { secret: "nocolon" }
            namedCredentials:
              N:
                externalCredential: E
            """;

        var errors = Errors.Of(yaml);

        Assert.Equal(6, errors.Count);
        Assert.Equal([2, 4, 7, 12, 13, 15], errors.Select(e => e.Location!.Line));
        Assert.Contains(errors, e => e.Summary.StartsWith("Unknown key 'colour'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Summary.Contains("'Bad-Name'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Summary.Contains("\"Oauth2\"", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Summary.Contains("without 'encrypted: false'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Summary.Contains("\"nocolon\" is not a secret reference",
            StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Summary.Contains("missing 'url'", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_ValidCredentialsBesideAnotherError_NotReported()
    {
        var d = Errors.Single(ValuesOnlyHeader +
            "          a: { secret: \"ci:A\" }\n" +
            "          b: { secret: { store: ci, key: B } }\n" +
            "          c: { value: x, encrypted: false }\n" +
            "          d: { runtimeManaged: true }\n" +
            "bogus: 1\n");

        Assert.StartsWith("Unknown key 'bogus'", d.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_Embedded_IsTheShippedSchema()
    {
        Assert.Contains("\"$schema\": \"https://json-schema.org/draft/2020-12/schema\"", SchemaValidator.Text,
            StringComparison.Ordinal);
    }
}
