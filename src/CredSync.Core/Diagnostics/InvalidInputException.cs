namespace CredSync.Core.Diagnostics;

/// <summary>
/// The input (configuration, schema, secret references, usage) cannot be used. Carries every
/// problem found, not just the first; the CLI maps it to exit code 3.
/// </summary>
public sealed class InvalidInputException : Exception
{
    public InvalidInputException(IReadOnlyList<Diagnostic> diagnostics)
        : base(Describe(diagnostics))
    {
        Diagnostics = diagnostics;
    }

    public InvalidInputException(Diagnostic diagnostic)
        : this([diagnostic])
    {
    }

    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    private static string Describe(IReadOnlyList<Diagnostic> diagnostics)
    {
        var errors = diagnostics.Count(d => d.IsError);

        return errors == 1
            ? diagnostics.First(d => d.IsError).ToString()
            : $"{errors} problems in the input.";
    }
}
