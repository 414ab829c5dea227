using System.Text.Json.Serialization;

namespace CredSync.LocalOrg;

/// <summary>Source-generated serialization of the data folder's files: no reflection needed.</summary>
[JsonSourceGenerationOptions(
    WriteIndented = true,
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(OrgState))]
[JsonSerializable(typeof(OrgFile))]
internal sealed partial class StateJsonContext : JsonSerializerContext;
