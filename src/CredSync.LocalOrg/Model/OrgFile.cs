namespace CredSync.LocalOrg;

/// <summary>The org's identity and API usage, kept in <c>org.json</c>.</summary>
internal sealed class OrgFile
{
    public string OrganizationId { get; set; } = "";

    public string UserId { get; set; } = "";

    public string Username { get; set; } = "";

    public string AccessToken { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Counted requests per hour, keyed by the hour's start in Unix seconds.</summary>
    public SortedDictionary<long, long> HourlyUsage { get; set; } = [];
}
