namespace CredSync.LocalOrg;

/// <summary>A Credential Custom Header Input.</summary>
internal sealed record HeaderInput(string Name, string Value, int Sequence);
