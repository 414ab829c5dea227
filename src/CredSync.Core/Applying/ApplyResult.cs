namespace CredSync.Core.Applying;

/// <summary>Everything apply did, in order.</summary>
public sealed record ApplyResult(IReadOnlyList<ChangeOutcome> Outcomes)
{
    public bool Succeeded => Outcomes.All(o => o.Status == ChangeStatus.Succeeded);

    public IEnumerable<ChangeOutcome> Failed => Outcomes.Where(o => o.Status is ChangeStatus.Failed or ChangeStatus.PartlyApplied);

    public IEnumerable<ChangeOutcome> Skipped => Outcomes.Where(o => o.Status == ChangeStatus.Skipped);
}
