using CredSync.Import.Reading;

namespace CredSync.Import.Model;

/// <summary>
/// A field of the legacy named credential model that a file sets. Its value is not kept: some
/// of these fields hold passwords and tokens, which must not travel further than the parser.
/// </summary>
internal sealed record LegacyField(string Element, bool HasValue, SourceLocation Location);
