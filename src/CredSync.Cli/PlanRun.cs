using CredSync.Cli.Targets;
using CredSync.Core.Ledger;
using CredSync.Core.Loading;
using CredSync.Core.Model;
using CredSync.Core.Planning;
using CredSync.Core.Secrets;
using CredSync.Secrets;
using Microsoft.Extensions.Logging;

namespace CredSync.Cli;

/// <summary>
/// The steps every command that reads the org shares, in the order the pipeline promises:
/// load and validate the file, resolve the secrets, open the ledger, and only then reach the
/// org, read it, and plan. Bad input therefore stops a run before any network call.
/// </summary>
public sealed partial class PlanRun : IAsyncDisposable
{
    private ApplyLock? _lock;

    private PlanRun(DesiredState desired, ResolvedSecrets secrets, FingerprintLedger ledger, OpenOrg target, Plan plan)
    {
        Desired = desired;
        Secrets = secrets;
        Ledger = ledger;
        Target = target;
        Plan = plan;
    }

    public DesiredState Desired { get; }

    public ResolvedSecrets Secrets { get; }

    public FingerprintLedger Ledger { get; }

    public OpenOrg Target { get; }

    public Plan Plan { get; }

    public static async Task<PlanRun> StartAsync(
        string configPath,
        TargetOptions target,
        CliEnvironment env,
        ILoggerFactory loggers,
        CancellationToken cancellationToken,
        bool forApply = false)
    {
        var logger = loggers.CreateLogger<PlanRun>();

        // Load and validate the desired state.
        var desired = DesiredStateLoader.Load(env.Resolve(configPath), configPath);
        Log.Loaded(logger, configPath, desired.ExternalCredentials.Count, desired.NamedCredentials.Count);
        CliApp.WriteDiagnostics(env.Error, desired.Warnings);

        // Resolve every secret reference once.
        var stores = SecretStores.Create(desired.Stores, env.GetVariable);
        var secrets = await SecretResolver.ResolveAsync(desired, stores, cancellationToken);
        Log.Resolved(logger, secrets.Count);

        // An apply holds the ledger's lock from before it reads the org until it is done.
        var applyLock = forApply
            ? await ApplyLock.AcquireAsync(desired.Ledger.Path, TimeSpan.FromSeconds(60), cancellationToken)
            : null;

        // Open the ledger with its key, which never lives in the ledger file.
        var key = desired.Ledger.Key is { } reference
            ? FingerprintLedger.KeyFromSecret(secrets.Get(reference).Reveal())
            : FingerprintLedger.LoadOrCreateKeyFile(desired.Ledger.DefaultKeyPath);
        var ledger = FingerprintLedger.Open(desired.Ledger.Path, key);

        // Reach the org, read it, and plan.
        var configDirectory = Path.GetDirectoryName(env.Resolve(configPath))!;
        OpenOrg open;

        try
        {
            open = await OrgTargets.OpenAsync(target, configDirectory, env, loggers, cancellationToken);
        }
        catch
        {
            applyLock?.Dispose();
            throw;
        }

        try
        {
            var identity = await open.Org.ConnectAsync(desired.ApiVersion, cancellationToken);
            var live = await open.Org.ReadAsync(desired, cancellationToken);
            var plan = Planner.Build(desired, live, secrets, ledger);

            Log.Planned(logger, identity.OrganizationId, plan.Summary.Create, plan.Summary.Update, plan.Summary.Delete);

            return new PlanRun(desired, secrets, ledger, open, plan) { _lock = applyLock };
        }
        catch
        {
            await open.DisposeAsync();
            applyLock?.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Target.DisposeAsync();
        _lock?.Dispose();
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Loaded {Config}: {ExternalCredentials} external and {NamedCredentials} named credentials")]
        public static partial void Loaded(ILogger logger, string config, int externalCredentials, int namedCredentials);

        [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Resolved {Count} secret reference(s)")]
        public static partial void Resolved(ILogger logger, int count);

        [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Planned against org {Org}: {Create} to create, {Update} to update, {Delete} to delete")]
        public static partial void Planned(ILogger logger, string org, int create, int update, int delete);
    }
}
