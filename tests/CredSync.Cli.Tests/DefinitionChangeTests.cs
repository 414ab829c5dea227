using CredSync.Cli.Tests.Support;

namespace CredSync.Cli.Tests;

/// <summary>Changes to definitions that would destroy stored values are said plainly, and refused when protected.</summary>
public sealed class DefinitionChangeTests : IDisposable
{
    private const string Config = """
        version: 1
        stores:
          ci: { type: env }
        externalCredentials:
          Cust:
            label: Custom
            protocol: Custom
            principals:
              Main:
                type: NamedPrincipal
                credentials:
                  ApiKey: { secret: "ci:KEY" }
        """;

    private readonly TempFolder _dir = new();
    private readonly Dictionary<string, string> _env = new() { ["KEY"] = "k-one" };

    public DefinitionChangeTests()
    {
        _dir.Write("credsync.yaml", Config);
    }

    [Fact]
    public async Task RenamedPrincipal_PlanSaysItsValuesAreDeleted()
    {
        await ApplyAsync();
        _dir.Write("credsync.yaml", Config.Replace("      Main:", "      Primary:", StringComparison.Ordinal));

        var plan = await Credsync.RunAsync(_dir.Path, _env, "plan");

        Assert.True(plan.ExitCode == 0, plan.ToString());
        Assert.Contains("it deletes principal(s) 'Main' and their stored values", plan.Out);
        Assert.Contains("Warning: credsync.yaml:5:3: Updating 'externalCredential.Cust' deletes its principal(s) 'Main'", plan.Out);
    }

    [Fact]
    public async Task RenamedPrincipalOfAProtectedCredential_IsRefusedBeforeAnyWrite()
    {
        await ApplyAsync();
        _dir.Write("credsync.yaml", Config.Replace("      Main:", "      Primary:", StringComparison.Ordinal)
            + "\npolicy:\n  protect: [ \"externalCredential.Cust\" ]\n");

        var apply = await Credsync.RunAsync(_dir.Path, _env, "apply", "--auto-approve");

        Assert.Equal(1, apply.ExitCode);
        Assert.Contains("is protected, but the file leaves out its principal(s) 'Main'", apply.Error);
        Assert.Empty(apply.Writes);
    }

    [Fact]
    public async Task ProtocolChangeWhilePruningItsNamedCredential_CompletesInOneApply()
    {
        _dir.Write("credsync.yaml", Config + """

            namedCredentials:
              CustAPI:
                url: https://cust.example.com
                externalCredential: Cust
            """);
        await ApplyAsync();
        _dir.Write("credsync.yaml", """
            version: 1
            stores:
              ci: { type: env }
            externalCredentials:
              Cust:
                label: Custom
                protocol: Basic
                principals:
                  Main:
                    type: NamedPrincipal
                    credentials:
                      username: { value: "robot", encrypted: false }
                      password: { secret: "ci:KEY" }
            policy:
              prune: true
            """);

        var apply = await Credsync.RunAsync(_dir.Path, _env, "apply", "--auto-approve");

        Assert.True(apply.ExitCode == 0, apply.ToString());
        Assert.Equal(["DELETE", "DELETE", "POST", "POST"], apply.Writes.Select(w => w.Method));
        var again = await Credsync.RunAsync(_dir.Path, _env, "plan", "--detailed-exitcode");
        Assert.True(again.ExitCode == 0, again.ToString());
    }

    [Theory]
    [InlineData("externalCredential.Cust.principal.Main")]
    [InlineData("externalCredential.cust.principal.main")]
    public async Task DroppedPrincipalProtectedByItsOwnAddress_IsRefused(string protect)
    {
        _dir.Write("credsync.yaml", Config.Replace("    principals:\n", "    principals:\n      Other:\n        type: NamedPrincipal\n        sequence: 5\n", StringComparison.Ordinal));
        await ApplyAsync();
        _dir.Write("credsync.yaml", Config.Replace("      Main:", "      Other:", StringComparison.Ordinal)
            + $"\npolicy:\n  protect: [ \"{protect}\" ]\n");

        var apply = await Credsync.RunAsync(_dir.Path, _env, "apply", "--auto-approve");

        Assert.Equal(1, apply.ExitCode);
        Assert.Contains("leaves out its principal(s) 'Main'", apply.Error);
        Assert.Empty(apply.Writes);
    }

    [Fact]
    public async Task KeyRemovedFromAProtectedPrincipal_IsRefused()
    {
        _dir.Write("credsync.yaml", Config + "\n          Extra: { secret: \"ci:KEY\" }\n");
        await ApplyAsync();
        _dir.Write("credsync.yaml", Config + "\npolicy:\n  protect: [ \"externalCredential.Cust.principal.Main\" ]\n");

        var apply = await Credsync.RunAsync(_dir.Path, _env, "apply", "--auto-approve");

        Assert.Equal(1, apply.ExitCode);
        Assert.Contains("would delete its key(s) 'Extra'", apply.Error);
        Assert.Empty(apply.Writes);
    }

    [Fact]
    public async Task ProtectEntryMatchingNothing_IsWarnedAbout()
    {
        _dir.Write("credsync.yaml", Config + "\npolicy:\n  protect: [ \"namedCredential.Typo\" ]\n");

        var plan = await Credsync.RunAsync(_dir.Path, _env, "plan");

        Assert.True(plan.ExitCode == 0, plan.ToString());
        Assert.Contains("'namedCredential.Typo' matches nothing", plan.Out);
    }

    [Fact]
    public async Task NamesDifferingOnlyInCase_AreRefused()
    {
        _dir.Write("credsync.yaml", """
            version: 1
            externalCredentials:
              Stripe: { label: Upper, protocol: Custom, principals: { P: { type: NamedPrincipal }, p: { type: NamedPrincipal, sequence: 2 } } }
              stripe: { label: Lower, protocol: Custom }
            """);

        var validate = await Credsync.RunAsync(_dir.Path, _env, "validate");

        Assert.Equal(3, validate.ExitCode);
        Assert.Contains("credsync.yaml:4:3: error: External credentials 'stripe' and 'Stripe' differ only in case", validate.Error);
        Assert.Contains("Principals of 'Stripe' 'p' and 'P' differ only in case", validate.Error);
    }

    [Theory]
    [InlineData("short")]
    [InlineData("")]
    public async Task WeakLedgerKey_IsRefused(string key)
    {
        _dir.Write("credsync.yaml", Config + "\nledger:\n  key: \"ci:LEDGER_KEY\"\n");
        _env["LEDGER_KEY"] = key;

        var plan = await Credsync.RunAsync(_dir.Path, _env, "plan");

        Assert.Equal(3, plan.ExitCode);
        Assert.Empty(plan.Requests);
    }

    [Fact]
    public async Task EmptyLedgerKeyFile_IsRefused()
    {
        _dir.Write(".credsync/ledger.key", "");

        var plan = await Credsync.RunAsync(_dir.Path, _env, "plan");

        Assert.Equal(3, plan.ExitCode);
        Assert.Contains("is too short (0 bytes)", plan.Error);
    }

    private async Task ApplyAsync()
    {
        var apply = await Credsync.RunAsync(_dir.Path, _env, "apply", "--auto-approve");
        Assert.True(apply.ExitCode == 0, apply.ToString());
    }

    public void Dispose() => _dir.Dispose();
}
