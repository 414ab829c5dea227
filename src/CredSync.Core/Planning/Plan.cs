using CredSync.Core.Diagnostics;
using CredSync.Core.Live;

namespace CredSync.Core.Planning;

/// <summary>
/// The ordered changes that bring an org to the desired state. Pure data: views render it,
/// apply carries it out. <see cref="StateDigest"/> covers the configuration, everything read
/// from the org and the fingerprints of the values to write, so a saved plan can tell when
/// either side moved.
/// </summary>
public sealed record Plan(
    string ConfigPath,
    string ConfigDigest,
    OrgIdentity Org,
    IReadOnlyList<PlannedChange> Changes,
    IReadOnlyList<Diagnostic> Diagnostics,
    string StateDigest)
{
    public PlanSummary Summary { get; } = Summarize(Changes);

    public bool HasErrors => Diagnostics.Any(d => d.IsError);

    private static PlanSummary Summarize(IReadOnlyList<PlannedChange> changes) => new(
        changes.Count(c => c.Action == ChangeAction.Create),
        changes.Count(c => c.Action == ChangeAction.Update),
        changes.Count(c => c.Action == ChangeAction.Delete),
        changes.Count(c => c.Action == ChangeAction.Replace),
        changes.Sum(c => c.SecretValuesToSet),
        changes.Sum(c => c.Keys.Count(k => k.Kind == KeyChangeKind.Remove)));
}
