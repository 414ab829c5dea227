namespace CredSync.LocalOrg;

/// <summary>Reads the header and parameter arrays that external and named credentials share.</summary>
internal static class SharedInputReader
{
    public static IReadOnlyList<HeaderInput> Headers(JsonInput body)
    {
        var headers = new List<HeaderInput>();
        foreach (var item in body.Array("customHeaders"))
        {
            item.Expect("headerName", "headerValue", "sequenceNumber");
            var header = new HeaderInput(
                item.RequiredString("headerName"),
                item.String("headerValue") ?? throw item.Missing("headerValue"),
                item.RequiredInt("sequenceNumber"));

            if (headers.Any(h => string.Equals(h.Name, header.Name, StringComparison.OrdinalIgnoreCase)))
            {
                throw ApiException.InvalidInput(
                    $"The header '{header.Name}' is given twice in '{item.Path}'.");
            }

            headers.Add(header);
        }

        return headers;
    }

    /// <summary>Reads parameters, checking each type against the resource's list.</summary>
    public static IReadOnlyList<ParameterInput> Parameters(JsonInput body, IReadOnlyList<string> types)
    {
        var parameters = new List<ParameterInput>();
        foreach (var item in body.Array("parameters"))
        {
            // "id" is part of the documented input; the local org keeps its own ids, so it is
            // read and ignored.
            item.Expect(
                "id",
                "parameterDescription",
                "parameterName",
                "parameterType",
                "parameterValue");
            _ = item.String("id");
            var parameter = new ParameterInput(
                item.RequiredString("parameterName"),
                item.RequiredChoice("parameterType", types),
                item.String("parameterValue") ?? throw item.Missing("parameterValue"),
                item.String("parameterDescription"));

            if (parameter.Type == ConnectValues.AuthParameter
                && !ConnectValues.AuthParameterNames.Contains(parameter.Name))
            {
                throw ApiException.InvalidInput(
                    $"The AuthParameter name '{parameter.Name}' in '{item.Path}' is not one of " +
                    $"{string.Join(", ", ConnectValues.AuthParameterNames)}.");
            }

            if (parameters.Any(p => p.Type == parameter.Type && p.Name == parameter.Name))
            {
                throw ApiException.InvalidInput(
                    $"The {parameter.Type} parameter '{parameter.Name}' is given twice in " +
                    $"'{body.FieldPath("parameters")}'.");
            }

            parameters.Add(parameter);
        }

        return parameters;
    }
}
