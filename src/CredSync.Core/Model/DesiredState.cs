namespace CredSync.Core.Model;

/// <summary>Everything credsync.yaml declares, validated and with defaults applied.</summary>
public sealed record DesiredState(
    string SourcePath,
    string? ApiVersion,
    IReadOnlyList<StoreSpec> Stores,
    LedgerSpec Ledger,
    IReadOnlyList<ExternalCredentialSpec> ExternalCredentials,
    IReadOnlyList<NamedCredentialSpec> NamedCredentials,
    IReadOnlyList<PermissionSetSpec> PermissionSets,
    PolicySpec Policy,
    string Digest)
{
    /// <summary>Findings that do not stop validation (a URL that looks like a placeholder).</summary>
    public IReadOnlyList<Diagnostics.Diagnostic> Warnings { get; init; } = [];

    public ExternalCredentialSpec? FindExternalCredential(string name) =>
        ExternalCredentials.FirstOrDefault(e => e.Name == name);

    /// <summary>Every secret reference in the file with the place it is used, in file order.</summary>
    public IEnumerable<(SecretReference Reference, string UsedAt, Diagnostics.SourceLocation Location)> SecretUses()
    {
        foreach (var ec in ExternalCredentials)
        {
            foreach (var principal in ec.Principals)
            {
                foreach (var credential in principal.Credentials)
                {
                    if (credential.Secret is not null)
                    {
                        var at = Addresses.Principal(ec.Name, principal.Name) + "." + credential.Key;
                        yield return (credential.Secret, at, credential.Location);
                    }
                }
            }
        }
    }
}
