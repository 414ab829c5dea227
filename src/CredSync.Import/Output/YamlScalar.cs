using System.Globalization;
using System.Text;

namespace CredSync.Import.Output;

/// <summary>
/// Writes strings as YAML scalars that read back as the same string. A string is left plain
/// only when it is unmistakably a plain string (a letter first, then a small safe alphabet,
/// and not a word YAML 1.1 or 1.2 reads as null or a boolean); everything else is
/// double-quoted with every special character escaped.
/// </summary>
internal static class YamlScalar
{
    private static readonly HashSet<string> ReservedWords = new(
        ["null", "true", "false", "yes", "no", "on", "off", "y", "n"],
        StringComparer.OrdinalIgnoreCase);

    /// <summary>A scalar for block context: a mapping value or a block sequence item.</summary>
    public static string Block(string value) =>
        IsPlainSafe(value, allowColon: true) ? value : Quote(value);

    /// <summary>A scalar inside <c>{ }</c> or <c>[ ]</c>, or a mapping key.</summary>
    public static string Flow(string value) =>
        IsPlainSafe(value, allowColon: false) ? value : Quote(value);

    public static string Quote(string value)
    {
        var text = new StringBuilder(value.Length + 2);
        text.Append('"');

        foreach (var rune in value.EnumerateRunes())
        {
            text.Append(Escape(rune));
        }

        text.Append('"');

        return text.ToString();
    }

    private static bool IsPlainSafe(string value, bool allowColon)
    {
        if (value.Length == 0
            || !(char.IsAsciiLetter(value[0]) || value[0] == '_')
            || value[^1] == ' '
            || ReservedWords.Contains(value))
        {
            return false;
        }

        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            var safe = char.IsAsciiLetterOrDigit(c) || c is ' ' or '_' or '-' or '.' or '/';

            // "https://host" is plain in block context; ": " or a final ':' would start a value.
            var safeColon = allowColon && c == ':' && i + 1 < value.Length && value[i + 1] != ' ';
            if (!safe && !safeColon)
            {
                return false;
            }
        }

        return true;
    }

    private static string Escape(Rune rune)
    {
        switch (rune.Value)
        {
            case '\\':
                return "\\\\";
            case '"':
                return "\\\"";
            case '\0':
                return "\\0";
            case '\a':
                return "\\a";
            case '\b':
                return "\\b";
            case '\t':
                return "\\t";
            case '\n':
                return "\\n";
            case '\v':
                return "\\v";
            case '\f':
                return "\\f";
            case '\r':
                return "\\r";
            case 0x1B:
                return "\\e";
            case 0x85:
                return "\\N";
            case 0x2028:
                return "\\L";
            case 0x2029:
                return "\\P";
        }

        // YAML allows only printable characters in a file; the rest must be escaped.
        var value = rune.Value;
        var printable = value is >= 0x20 and <= 0x7E
            || value is >= 0xA0 and <= 0xD7FF
            || value is >= 0xE000 and <= 0xFFFD and not 0xFEFF
            || value > 0xFFFF;
        if (printable)
        {
            return rune.ToString();
        }

        return value <= 0xFF
            ? "\\x" + value.ToString("X2", CultureInfo.InvariantCulture)
            : "\\u" + value.ToString("X4", CultureInfo.InvariantCulture);
    }
}
