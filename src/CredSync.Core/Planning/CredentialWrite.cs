using CredSync.Core.Model;

namespace CredSync.Core.Planning;

/// <summary>What a credential change sends: the protocol it must name and the keys of its body.</summary>
public sealed record CredentialWrite(
    string ExternalCredential,
    string Principal,
    string PrincipalType,
    string Protocol,
    string? Variant,
    IReadOnlyList<CredentialSpec> Keys);
