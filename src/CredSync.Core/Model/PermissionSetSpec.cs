using CredSync.Core.Diagnostics;

namespace CredSync.Core.Model;

/// <summary>The principals a permission set grants access to, as "EC-Principal" names.</summary>
public sealed record PermissionSetSpec(string Name, IReadOnlyList<string> Principals, SourceLocation Location);
