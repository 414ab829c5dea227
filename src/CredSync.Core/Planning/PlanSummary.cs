namespace CredSync.Core.Planning;

/// <summary>The counts in the closing line of a plan.</summary>
public sealed record PlanSummary(int Create, int Update, int Delete, int Replace, int SecretValuesToSet, int KeysToRemove)
{
    public bool HasChanges => Create + Update + Delete + Replace > 0;
}
