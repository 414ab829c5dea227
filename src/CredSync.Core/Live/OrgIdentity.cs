namespace CredSync.Core.Live;

/// <summary>Which org a run talks to; the ledger and saved plans are keyed by it.</summary>
public sealed record OrgIdentity(string OrganizationId, string InstanceUrl, string Username, string ApiVersion)
{
    /// <summary>How a person recognises the org in messages.</summary>
    public string Display => $"{Username} at {InstanceUrl} (org {OrganizationId})";
}
