using System.Globalization;

namespace CredSync.LocalOrg;

/// <summary>A REST API version; the local org knows only whole versions such as 66.0.</summary>
internal readonly record struct ApiVersion(int Major)
{
    /// <summary>The oldest version still served; older ones answer 410 GONE.</summary>
    public static readonly ApiVersion OldestSupported = new(31);

    /// <summary>The oldest version <c>GET /services/data/</c> lists: the first with named credentials.</summary>
    public static readonly ApiVersion OldestListed = new(56);

    public string Path => $"/services/data/v{this}";

    /// <summary>Parses <c>NN.0</c>, with or without a leading 'v'.</summary>
    public static bool TryParse(string text, out ApiVersion version)
    {
        version = default;
        var digits = text.StartsWith('v') ? text[1..] : text;
        if (!digits.EndsWith(".0", StringComparison.Ordinal))
        {
            return false;
        }

        var major = digits[..^2];
        if (major.Length is < 1 or > 3 || !major.All(char.IsAsciiDigit) || major.StartsWith('0'))
        {
            return false;
        }

        version = new ApiVersion(int.Parse(major, CultureInfo.InvariantCulture));
        return true;
    }

    public bool IsAtLeast(int major)
    {
        return Major >= major;
    }

    public override string ToString()
    {
        return $"{Major.ToString(CultureInfo.InvariantCulture)}.0";
    }
}
