namespace CredSync.Core.Live;

/// <summary>The stored credential values of one principal.</summary>
public sealed record LiveCredentials(
    string ExternalCredential,
    string Principal,
    string PrincipalType,
    string AuthenticationStatus,
    IReadOnlyDictionary<string, LiveCredentialValue> Values)
{
    public bool IsEmpty => Values.Count == 0;
}
