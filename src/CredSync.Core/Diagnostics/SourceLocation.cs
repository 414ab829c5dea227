namespace CredSync.Core.Diagnostics;

/// <summary>A position in a source file, 1-based, as a person would look it up.</summary>
public sealed record SourceLocation(string File, int Line, int Column)
{
    public override string ToString() => $"{File}:{Line}:{Column}";
}
