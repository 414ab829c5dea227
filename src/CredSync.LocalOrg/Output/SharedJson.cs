using System.Text.Json.Nodes;

namespace CredSync.LocalOrg;

/// <summary>Writes the header and parameter arrays that external and named credentials share.</summary>
internal static class SharedJson
{
    public static JsonArray Headers(IEnumerable<StoredHeader> headers)
    {
        var items = headers
            .OrderBy(h => h.Sequence)
            .Select(h => (JsonNode)new JsonObject
            {
                ["headerName"] = h.Name,
                ["headerValue"] = h.Value,
                ["sequenceNumber"] = h.Sequence,
            });

        return [.. items];
    }

    public static JsonArray Parameters(IEnumerable<StoredParameter> parameters)
    {
        var items = parameters.Select(p => (JsonNode)new JsonObject
        {
            ["id"] = p.Id,
            ["parameterDescription"] = p.Description,
            ["parameterName"] = p.Name,
            ["parameterType"] = p.Type,
            ["parameterValue"] = p.Value,
        });

        return [.. items];
    }

    public static List<StoredHeader> ToStored(IEnumerable<HeaderInput> headers)
    {
        return
        [
            .. headers.Select(h => new StoredHeader
            {
                Name = h.Name,
                Value = h.Value,
                Sequence = h.Sequence,
            }),
        ];
    }

    /// <summary>Converts parameters, keeping the id of an existing one with the same type and name.</summary>
    public static List<StoredParameter> ToStored(
        IEnumerable<ParameterInput> parameters,
        List<StoredParameter> existing)
    {
        return
        [
            .. parameters.Select(p => new StoredParameter
            {
                Id = existing.Find(e => e.Type == p.Type && e.Name == p.Name)?.Id
                    ?? Ids.New(Ids.Parameter),
                Name = p.Name,
                Type = p.Type,
                Value = p.Value,
                Description = p.Description,
            }),
        ];
    }
}
