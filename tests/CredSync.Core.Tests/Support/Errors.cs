using CredSync.Core.Diagnostics;
using CredSync.Core.Loading;
using CredSync.Core.Model;

namespace CredSync.Core.Tests.Support;

/// <summary>Loads YAML text and returns what the loader reported.</summary>
internal static class Errors
{
    public const string File = "credsync.yaml";

    public static DesiredState Load(string yaml, string baseDirectory = "/base") =>
        DesiredStateLoader.Parse(File, yaml, baseDirectory: baseDirectory);

    /// <summary>The error diagnostics of a file that must be refused.</summary>
    public static IReadOnlyList<Diagnostic> Of(string yaml)
    {
        var e = Assert.Throws<InvalidInputException>(() => Load(yaml));

        return e.Diagnostics.Where(d => d.IsError).ToList();
    }

    /// <summary>The single error of a file that must be refused with exactly one.</summary>
    public static Diagnostic Single(string yaml) => Assert.Single(Of(yaml));

    public static void At(Diagnostic diagnostic, int line, int column)
    {
        Assert.NotNull(diagnostic.Location);
        Assert.Equal(File, diagnostic.Location.File);
        Assert.Equal((line, column), (diagnostic.Location.Line, diagnostic.Location.Column));
    }
}
