namespace CredSync.Import.Tests.Support;

/// <summary>One shared metadata fixture and the path it had in its project.</summary>
/// <param name="Project">The project, the part of the fixture name before "__".</param>
/// <param name="FixturePath">Where the fixture is stored.</param>
/// <param name="ProjectPath">Where it lived in its project, from SOURCES.md.</param>
internal sealed record FixtureFile(string Project, string FixturePath, string ProjectPath);
