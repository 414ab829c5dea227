namespace CredSync.LocalOrg;

/// <summary>A parameter input of an external credential, a principal or a named credential.</summary>
internal sealed record ParameterInput(string Name, string Type, string Value, string? Description);
