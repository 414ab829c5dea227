namespace CredSync.Core.Applying;

/// <summary>How one planned change ended.</summary>
public enum ChangeStatus
{
    Succeeded,
    Failed,

    /// <summary>Some of the change's calls succeeded before one failed: the org holds a half-made change.</summary>
    PartlyApplied,

    /// <summary>Not attempted, because a change it depends on did not succeed.</summary>
    Skipped,
}
