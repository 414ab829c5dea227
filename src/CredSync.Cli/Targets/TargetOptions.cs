namespace CredSync.Cli.Targets;

/// <summary>How the user named the org: --target-org, --data for the local org, or the environment.</summary>
public sealed record TargetOptions(string? TargetOrg, string? DataDirectory);
