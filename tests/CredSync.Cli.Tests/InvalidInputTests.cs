using CredSync.Cli.Tests.Support;

namespace CredSync.Cli.Tests;

/// <summary>Bad input stops the run with exit 3, says where, and reaches no org at all.</summary>
public sealed class InvalidInputTests : IDisposable
{
    private readonly TempFolder _dir = new();

    [Theory]
    [InlineData("plan")]
    [InlineData("apply")]
    [InlineData("validate")]
    public async Task BrokenYaml_ExitsThreeWithPosition(string command)
    {
        _dir.Write("credsync.yaml", "version: 1\nexternalCredentials:\n  Stripe: { label: Stripe\n  Other: 1\n");

        var args = command == "apply" ? new[] { command, "--auto-approve" } : [command];
        var result = await Credsync.RunAsync(_dir.Path, null, args);

        Assert.True(result.ExitCode == 3, result.ToString());
        Assert.Matches(@"credsync\.yaml:\d+:\d+: .*not valid YAML", result.Error);
        Assert.Empty(result.Requests);
    }

    [Fact]
    public async Task SchemaViolations_AreAllReportedAtOnceWithPositions()
    {
        _dir.Write("credsync.yaml", """
            version: 1
            stores:
              ci: { type: env }
            externalCredentials:
              Stripe:
                label: Stripe
                protocol: Custum
                principals:
                  Default:
                    type: NamedPrincipal
                    credentials:
                      ApiKey: { value: "sk_live_in_git" }
            namedCredentials:
              StripeAPI:
                externalCredential: Stripe
                enabledd: true
            """);

        var result = await Credsync.RunAsync(_dir.Path, null, "plan");

        Assert.True(result.ExitCode == 3, result.ToString());
        Assert.Contains("credsync.yaml:7:15: ", result.Error);
        Assert.Contains("\"Custum\", which is not allowed", result.Error);
        Assert.Contains("credsync.yaml:12:19: ", result.Error);
        Assert.Contains("without 'encrypted: false'", result.Error);
        Assert.Contains("credsync.yaml:14:3: ", result.Error);
        Assert.Contains("missing 'url'", result.Error);
        Assert.Contains("credsync.yaml:16:5: ", result.Error);
        Assert.Contains("Unknown key 'enabledd'", result.Error);
        Assert.Empty(result.Requests);
    }

    [Fact]
    public async Task MissingSecret_ExitsThreeNamingTheReferenceAndWhereItIsUsed()
    {
        _dir.Write("credsync.yaml", """
            version: 1
            stores:
              ci: { type: env }
              local: { type: file, root: ./secrets }
            externalCredentials:
              Stripe:
                label: Stripe
                protocol: Custom
                principals:
                  Default:
                    type: NamedPrincipal
                    credentials:
                      ApiKey: { secret: "ci:NOT_SET_ANYWHERE" }
                      Other: { secret: "local:missing.json#field" }
            """);

        var result = await Credsync.RunAsync(_dir.Path, null, "apply", "--auto-approve");

        Assert.True(result.ExitCode == 3, result.ToString());
        Assert.Contains("credsync.yaml:13:29: error: Secret 'ci:NOT_SET_ANYWHERE' for 'externalCredential.Stripe.principal.Default.ApiKey' cannot be resolved.", result.Error);
        Assert.Contains("Environment variable 'NOT_SET_ANYWHERE' is not set.", result.Error);
        Assert.Contains("credsync.yaml:14:28: ", result.Error);
        Assert.Empty(result.Requests);
    }

    [Fact]
    public async Task UndeclaredStore_IsAValidationError()
    {
        _dir.Write("credsync.yaml", """
            version: 1
            externalCredentials:
              Stripe:
                principals:
                  Default:
                    credentials:
                      ApiKey: { secret: "vault:payments/stripe#key" }
            """);

        var result = await Credsync.RunAsync(_dir.Path, null, "validate");

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("credsync.yaml:7:29: ", result.Error);
        Assert.Contains("names the store 'vault', which is not declared", result.Error);
    }

    [Fact]
    public async Task AnchorsAndAliases_AreRefused()
    {
        _dir.Write("credsync.yaml", "version: 1\nstores:\n  ci: &s { type: env }\n  ci2: *s\n");

        var result = await Credsync.RunAsync(_dir.Path, null, "validate");

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("credsync.yaml:3:7: ", result.Error);
        Assert.Contains("Anchors and aliases", result.Error);
    }

    [Theory]
    [InlineData("version: !!str 1\n", "credsync.yaml:1:10: ", "YAML tags ('tag:yaml.org,2002:str') are not allowed")]
    [InlineData("version: 1\nstores: !vault {}\n", "credsync.yaml:2:9: ", "YAML tags ('!vault')")]
    [InlineData("version: 1\n!!str stores: {}\n", "credsync.yaml:2:1: ", "YAML tags")]
    [InlineData("version: 1\nstores:\n  ci: { type: env }\n\tbad: 1\n", "credsync.yaml:4:1: ", "tab")]
    public async Task TagsAndTabs_AreRefusedWhereTheyAre(string yaml, string at, string message)
    {
        _dir.Write("credsync.yaml", yaml);

        var result = await Credsync.RunAsync(_dir.Path, null, "validate");

        Assert.Equal(3, result.ExitCode);
        Assert.Contains(at, result.Error);
        Assert.Contains(message, result.Error);
    }

    [Theory]
    [InlineData("A: { value: \"\", encrypted: false }", "empty literal value")]
    [InlineData("A: { value: \"  \", encrypted: false }", "empty literal value")]
    [InlineData("K: { secret: \"ci:X\" }\n          k: { secret: \"ci:Y\" }", "differ only in case")]
    public async Task EmptyLiteralsAndCaseOnlyKeys_AreRefused(string credentials, string message)
    {
        _dir.Write("credsync.yaml", $$"""
            version: 1
            stores:
              ci: { type: env }
            externalCredentials:
              E:
                principals:
                  P:
                    credentials:
                      {{credentials}}
            """);

        var result = await Credsync.RunAsync(_dir.Path, null, "validate");

        Assert.Equal(3, result.ExitCode);
        Assert.Contains(message, result.Error);
    }

    [Fact]
    public async Task MissingConfig_ExitsThreeWithAHint()
    {
        var result = await Credsync.RunAsync(_dir.Path, null, "plan");

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("does not exist", result.Error);
        Assert.Empty(result.Requests);
    }

    [Fact]
    public async Task UnknownFlag_ExitsThree()
    {
        var result = await Credsync.RunAsync(_dir.Path, null, "plan", "--frobnicate");

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("--frobnicate", result.Error);
    }

    public void Dispose() => _dir.Dispose();
}
