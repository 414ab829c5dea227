namespace CredSync.Core.Applying;

/// <summary>How one change ended, with each call it made.</summary>
public sealed record ChangeOutcome(
    string Address,
    ChangeStatus Status,
    IReadOnlyList<CallOutcome> Calls,
    string? Message);
