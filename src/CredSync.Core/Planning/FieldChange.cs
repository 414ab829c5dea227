namespace CredSync.Core.Planning;

/// <summary>A field of a definition that differs: before and after as display text (never secret).</summary>
public sealed record FieldChange(string Field, string? Before, string? After);
