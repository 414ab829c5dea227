namespace CredSync.LocalOrg;

/// <summary>
/// The rolling 24-hour request count, kept as one counter per clock hour. A request therefore
/// leaves the window between 23 and 24 hours after it was made, which is close enough for a
/// daily allocation and keeps org.json small.
/// </summary>
internal static class ApiUsage
{
    private const long HourSeconds = 3600;
    private const long WindowHours = 24;

    public static long Used(OrgFile org, DateTimeOffset now)
    {
        var oldest = HourOf(now) - ((WindowHours - 1) * HourSeconds);

        return org.HourlyUsage.Where(e => e.Key >= oldest).Sum(e => e.Value);
    }

    /// <summary>Counts one request and forgets hours that left the window.</summary>
    public static void Count(OrgFile org, DateTimeOffset now)
    {
        var hour = HourOf(now);
        var oldest = hour - ((WindowHours - 1) * HourSeconds);
        foreach (var stale in org.HourlyUsage.Keys.Where(k => k < oldest).ToList())
        {
            org.HourlyUsage.Remove(stale);
        }

        org.HourlyUsage[hour] = org.HourlyUsage.GetValueOrDefault(hour) + 1;
    }

    /// <summary>Sets the usage to a given number, as if it had all been made this hour.</summary>
    public static void Set(OrgFile org, DateTimeOffset now, long used)
    {
        org.HourlyUsage.Clear();
        if (used > 0)
        {
            org.HourlyUsage[HourOf(now)] = used;
        }
    }

    private static long HourOf(DateTimeOffset now)
    {
        var seconds = now.ToUnixTimeSeconds();

        return seconds - (seconds % HourSeconds);
    }
}
