namespace CredSync.Testing;

/// <summary>One metadata fixture: its project, where it is stored, and its path in that project.</summary>
public sealed record FixtureFile(string Project, string FixturePath, string ProjectPath);
