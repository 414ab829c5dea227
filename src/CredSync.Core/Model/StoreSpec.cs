using CredSync.Core.Diagnostics;

namespace CredSync.Core.Model;

/// <summary>A declared secret store: its name, type and settings as written.</summary>
public sealed record StoreSpec(
    string Name,
    string Type,
    IReadOnlyDictionary<string, string> Settings,
    SourceLocation Location);
