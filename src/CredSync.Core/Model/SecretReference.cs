using System.Text;

namespace CredSync.Core.Model;

/// <summary>Where a secret value lives: a store, a key in it, and optionally a property and version.</summary>
public sealed record SecretReference(string Store, string Key, string? Property = null, string? Version = null)
{
    /// <summary>Parses the short form <c>store:key[#property][@version]</c>.</summary>
    public static SecretReference Parse(string text)
    {
        var colon = text.IndexOf(':');

        if (colon <= 0 || colon == text.Length - 1)
        {
            throw new FormatException($"'{text}' is not a secret reference of the form '<store>:<key>[#<property>][@<version>]'.");
        }

        var store = text[..colon];
        var rest = text[(colon + 1)..];
        string? version = null;
        string? property = null;

        var at = rest.LastIndexOf('@');

        if (at >= 0)
        {
            version = rest[(at + 1)..];
            rest = rest[..at];
        }

        var hash = rest.IndexOf('#');

        if (hash >= 0)
        {
            property = rest[(hash + 1)..];
            rest = rest[..hash];
        }

        return new SecretReference(store, rest, property, version);
    }

    /// <summary>The canonical short form; it names where a value lives and never holds the value.</summary>
    public override string ToString()
    {
        var text = new StringBuilder(Store).Append(':').Append(Key);

        if (Property is not null)
        {
            text.Append('#').Append(Property);
        }

        if (Version is not null)
        {
            text.Append('@').Append(Version);
        }

        return text.ToString();
    }
}
