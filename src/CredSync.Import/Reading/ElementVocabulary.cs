namespace CredSync.Import.Reading;

/// <summary>The child elements one metadata element may hold.</summary>
/// <param name="Parent">The element's name, for messages.</param>
/// <param name="Single">Children that may appear at most once.</param>
/// <param name="Repeated">Children that may appear any number of times.</param>
internal sealed record ElementVocabulary(
    string Parent,
    IReadOnlySet<string> Single,
    IReadOnlySet<string> Repeated)
{
    public bool Knows(string name) => Single.Contains(name) || Repeated.Contains(name);
}
