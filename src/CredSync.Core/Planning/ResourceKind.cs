namespace CredSync.Core.Planning;

public enum ResourceKind
{
    ExternalCredential,
    NamedCredential,
    PrincipalAccess,
    Credentials,
}
