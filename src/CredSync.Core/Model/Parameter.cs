namespace CredSync.Core.Model;

/// <summary>An external credential parameter (AuthParameter, AuthProviderUrl, JwtBodyClaim, ...).</summary>
public sealed record Parameter(string Type, string Name, string? Value, string? Description = null);
