namespace CredSync.Core.Applying;

/// <summary>One API call made by apply: what was called and how it ended.</summary>
public sealed record CallOutcome(string Call, bool Succeeded, int? Status, string? Error);
