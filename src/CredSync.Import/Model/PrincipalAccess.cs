using CredSync.Import.Reading;

namespace CredSync.Import.Model;

/// <summary>One <c>externalCredentialPrincipalAccesses</c> entry of a permission set.</summary>
/// <param name="Location">Where the entry is.</param>
/// <param name="Principal">
/// The <c>&lt;ExternalCredential&gt;-&lt;Principal&gt;</c> reference.
/// </param>
/// <param name="Enabled">Whether the access is granted.</param>
internal sealed record PrincipalAccess(SourceLocation Location, string Principal, bool Enabled);
