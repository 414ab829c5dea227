namespace CredSync.LocalOrg;

/// <summary>The definitions and credential values held in <c>state.json</c>.</summary>
internal sealed class OrgState
{
    public int SchemaVersion { get; set; } = 1;

    public List<StoredExternalCredential> ExternalCredentials { get; set; } = [];

    public List<StoredNamedCredential> NamedCredentials { get; set; } = [];

    public StoredExternalCredential? FindExternalCredential(string developerName)
    {
        return ExternalCredentials.Find(
            ec => string.Equals(ec.DeveloperName, developerName, StringComparison.OrdinalIgnoreCase));
    }

    public StoredNamedCredential? FindNamedCredential(string developerName)
    {
        return NamedCredentials.Find(
            nc => string.Equals(nc.DeveloperName, developerName, StringComparison.OrdinalIgnoreCase));
    }

    public IEnumerable<StoredNamedCredential> NamedCredentialsUsing(StoredExternalCredential ec)
    {
        return NamedCredentials
            .Where(nc => string.Equals(
                nc.ExternalCredential,
                ec.DeveloperName,
                StringComparison.OrdinalIgnoreCase))
            .OrderBy(nc => nc.DeveloperName, StringComparer.OrdinalIgnoreCase);
    }
}
