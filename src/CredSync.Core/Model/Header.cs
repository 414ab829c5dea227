namespace CredSync.Core.Model;

/// <summary>A header sent on callouts; its sequence number is its 1-based position in the list.</summary>
public sealed record Header(string Name, string Value, int Sequence);
