using System.Text.Json.Nodes;

namespace CredSync.LocalOrg;

/// <summary>The version list, the resource map, the limits and the user info.</summary>
internal static class DiscoveryEndpoints
{
    private static readonly string[] Seasons = ["Winter", "Spring", "Summer"];

    public static IEnumerable<ApiResource> Resources =>
    [
        new(LocalOrgRoutes.ResourceMap, [new("GET", ApiVersion.OldestSupported.Major, ResourceMap)]),
        new(LocalOrgRoutes.Limits, [new("GET", ApiVersion.OldestSupported.Major, Limits)]),
    ];

    /// <summary>The answer of <c>GET /services/data/</c>: the versions from 56.0 to the newest.</summary>
    public static JsonArray Versions(ApiVersion newest)
    {
        var versions = new JsonArray();
        for (var major = ApiVersion.OldestListed.Major; major <= newest.Major; major++)
        {
            var version = new ApiVersion(major);
            versions.Add((JsonNode)new JsonObject
            {
                ["label"] = ReleaseName(version),
                ["url"] = version.Path,
                ["version"] = version.ToString(),
            });
        }

        return versions;
    }

    /// <summary>The OpenID Connect user info of the org's one user.</summary>
    public static JsonObject UserInfo(OrgFile org, Uri instanceUrl, ApiVersion newest)
    {
        var instance = instanceUrl.ToString().TrimEnd('/');

        return new JsonObject
        {
            ["sub"] = $"{instance}/id/{org.OrganizationId}/{org.UserId}",
            ["user_id"] = org.UserId,
            ["organization_id"] = org.OrganizationId,
            ["preferred_username"] = org.Username,
            ["nickname"] = "admin",
            ["name"] = "Local Org Admin",
            ["email"] = org.Username,
            ["email_verified"] = true,
            ["given_name"] = "Local Org",
            ["family_name"] = "Admin",
            ["zoneinfo"] = "GMT",
            ["active"] = true,
            ["user_type"] = "STANDARD",
            ["language"] = "en_US",
            ["locale"] = "en_US",
            ["utcOffset"] = 0,
            ["urls"] = new JsonObject
            {
                ["rest"] = $"{instance}/services/data/v{{version}}/",
                ["custom_domain"] = instance,
            },
            ["is_app_installed"] = true,
        };
    }

    /// <summary>
    /// Release names follow Salesforce's three releases a year: 56.0 was Winter '23, so each
    /// version after it moves one season on.
    /// </summary>
    private static string ReleaseName(ApiVersion version)
    {
        var step = version.Major - ApiVersion.OldestListed.Major;

        return $"{Seasons[step % 3]} '{23 + (step / 3)}";
    }

    private static Task<ApiResponse> ResourceMap(ApiRequest request)
    {
        var json = new JsonObject { ["limits"] = $"{request.Version.Path}/limits" };
        if (request.Version.IsAtLeast(56))
        {
            json["named-credentials"] = $"{request.Version.Path}/named-credentials";
        }

        return Task.FromResult(ApiResponse.Ok(json));
    }

    private static Task<ApiResponse> Limits(ApiRequest request)
    {
        var used = ApiUsage.Used(request.Session.Org, request.Options.TimeProvider.GetUtcNow());
        var max = request.Options.DailyApiLimit;
        var json = new JsonObject
        {
            ["DailyApiRequests"] = new JsonObject
            {
                ["Max"] = max,
                ["Remaining"] = Math.Max(0, max - used),
            },
        };

        return Task.FromResult(ApiResponse.Ok(json));
    }
}
