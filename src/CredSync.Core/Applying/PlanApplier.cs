using CredSync.Core.Ledger;
using CredSync.Core.Model;
using CredSync.Core.Planning;
using Microsoft.Extensions.Logging;

namespace CredSync.Core.Applying;

/// <summary>
/// Carries out a plan in order. A change whose prerequisite did not succeed is skipped, not
/// attempted. The ledger records every successful call at once (in its journal), so an apply
/// killed at any point leaves a record that the next plan converges from.
/// </summary>
public sealed partial class PlanApplier(IChangeExecutor executor, FingerprintLedger ledger, ILogger logger)
{
    public async Task<ApplyResult> ApplyAsync(
        Plan plan,
        DesiredState desired,
        Action<ChangeOutcome>? onChange,
        CancellationToken cancellationToken)
    {
        var outcomes = new List<ChangeOutcome>();
        var notDone = new HashSet<string>(StringComparer.Ordinal);

        foreach (var change in plan.Changes.Where(c => c.Action != ChangeAction.NoOp))
        {
            var blocker = change.DependsOn.FirstOrDefault(notDone.Contains);
            ChangeOutcome outcome;

            if (blocker is not null)
            {
                outcome = new ChangeOutcome(change.Address, ChangeStatus.Skipped, [],
                    $"not attempted because '{blocker}' did not succeed");
                Log.Skipped(logger, change.Address, blocker);
            }
            else
            {
                outcome = await ApplyChangeAsync(plan, change, desired, cancellationToken);
            }

            if (outcome.Status != ChangeStatus.Succeeded)
            {
                notDone.Add(change.Address);
            }

            outcomes.Add(outcome);
            onChange?.Invoke(outcome);
        }

        // One full rewrite at the end folds the per-call journal into the ledger file.
        ledger.Save();

        return new ApplyResult(outcomes);
    }

    private async Task<ChangeOutcome> ApplyChangeAsync(Plan plan, PlannedChange change, DesiredState desired, CancellationToken cancellationToken)
    {
        var calls = new List<CallOutcome>();

        using var scope = logger.BeginScope(new Dictionary<string, object> { ["Address"] = change.Address });

        foreach (var call in change.Calls)
        {
            var display = executor.Describe(call);

            try
            {
                var status = await executor.ExecuteAsync(change, call, cancellationToken);
                calls.Add(new CallOutcome(display, true, status, null));
                Record(plan, change, call, desired);
                Log.CallSucceeded(logger, change.Address, display, status);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                calls.Add(new CallOutcome(display, false, null, e.Message));
                Log.CallFailed(logger, e, change.Address, display);

                var partly = calls.Count > 1;
                var message = partly
                    ? $"{e.Message} The calls before it succeeded, so '{change.Address}' is partly changed; run apply again to finish it."
                    : e.Message;

                return new ChangeOutcome(change.Address, partly ? ChangeStatus.PartlyApplied : ChangeStatus.Failed, calls, message);
            }
        }

        return new ChangeOutcome(change.Address, ChangeStatus.Succeeded, calls, null);
    }

    /// <summary>Brings the ledger in line with one successful call and makes that durable at once.</summary>
    private void Record(Plan plan, PlannedChange change, ApiCall call, DesiredState desired)
    {
        var org = plan.Org.OrganizationId;

        switch (change.Kind)
        {
            case ResourceKind.Credentials when call.Method == "DELETE":
                if (change.DeleteKeys is null)
                {
                    ledger.Forget(org, change.Address);
                }
                else
                {
                    foreach (var key in change.DeleteKeys)
                    {
                        ledger.Forget(org, change.Address, key);
                    }
                }

                break;

            case ResourceKind.Credentials:
                var written = change.Write!.Keys;

                if (call.Method is "PUT" or "POST")
                {
                    // The whole set was replaced: anything CredSync wrote before and did not send is gone.
                    foreach (var key in ledger.OwnedKeys(org, change.Address).Where(k => written.All(w => w.Key != k)))
                    {
                        ledger.Forget(org, change.Address, key);
                    }
                }

                foreach (var key in written)
                {
                    ledger.Record(org, change.Address, key.Key, change.Fingerprints[key.Key], key.Encrypted);
                }

                break;

            case ResourceKind.ExternalCredential when call.Method == "DELETE":
                ledger.ForgetUnder(org, change.Address);
                break;

            case ResourceKind.ExternalCredential when call.Method == "PUT":
                // Principals left out of a full replace are removed with their values.
                var kept = desired.FindExternalCredential(change.Name)?.Principals.Select(p => Addresses.Principal(change.Name, p.Name)).ToHashSet() ?? [];

                foreach (var owned in ledger.Addresses(org).Where(a => a.StartsWith(change.Address + ".principal.", StringComparison.Ordinal) && !kept.Contains(a)))
                {
                    ledger.Forget(org, owned);
                }

                break;

            default:
                return;
        }

        ledger.Commit();
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 200, Level = LogLevel.Information, Message = "{Address}: {Call} answered {Status}")]
        public static partial void CallSucceeded(ILogger logger, string address, string call, int status);

        [LoggerMessage(EventId = 201, Level = LogLevel.Error, Message = "{Address}: {Call} failed")]
        public static partial void CallFailed(ILogger logger, Exception exception, string address, string call);

        [LoggerMessage(EventId = 202, Level = LogLevel.Warning, Message = "{Address}: skipped because {Blocker} did not succeed")]
        public static partial void Skipped(ILogger logger, string address, string blocker);
    }
}
