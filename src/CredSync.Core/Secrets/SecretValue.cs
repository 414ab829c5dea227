namespace CredSync.Core.Secrets;

/// <summary>
/// A secret read from a store. It prints as "(sensitive)" everywhere (ToString, string
/// interpolation, logging templates, debugger display) so that a careless format string cannot
/// leak it; the only way to the text is <see cref="Reveal"/>, used where a request body is built.
/// </summary>
[System.Diagnostics.DebuggerDisplay("(sensitive)")]
public sealed class SecretValue(string value)
{
    public const string Redacted = "(sensitive)";

    public string Reveal() => value;

    public override string ToString() => Redacted;
}
