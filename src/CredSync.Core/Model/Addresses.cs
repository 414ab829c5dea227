namespace CredSync.Core.Model;

/// <summary>The stable addresses that plans, ledgers and <c>policy.protect</c> use.</summary>
public static class Addresses
{
    public static string ExternalCredential(string name) => $"externalCredential.{name}";

    public static string Principal(string externalCredential, string principal) =>
        $"externalCredential.{externalCredential}.principal.{principal}";

    public static string NamedCredential(string name) => $"namedCredential.{name}";

    public static string PrincipalAccess(string permissionSet, string externalCredential, string principal) =>
        $"principalAccess.{permissionSet}.{externalCredential}-{principal}";
}
