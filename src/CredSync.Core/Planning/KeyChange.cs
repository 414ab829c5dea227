namespace CredSync.Core.Planning;

/// <summary>A credential key a change touches, by name only; values are never part of a plan.</summary>
public sealed record KeyChange(string Key, KeyChangeKind Kind, bool Encrypted, string Reason);
