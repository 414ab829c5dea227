namespace CredSync.LocalOrg;

/// <summary>Reads and checks an External Credential Input body.</summary>
internal static class ExternalCredentialReader
{
    public static ExternalCredentialInput Read(JsonInput body)
    {
        body.Expect(
            "authenticationProtocol",
            "authenticationProtocolVariant",
            "customHeaders",
            "developerName",
            "masterLabel",
            "parameters",
            "principals");

        var protocol = body.RequiredChoice("authenticationProtocol", ConnectValues.Protocols);
        var variant = body.Choice("authenticationProtocolVariant", ConnectValues.Variants);
        if (variant is not null && ConnectValues.VariantProtocols[variant] != protocol)
        {
            throw ApiException.InvalidInput(
                $"The authenticationProtocolVariant '{variant}' belongs to the " +
                $"{ConnectValues.VariantProtocols[variant]} protocol, not to {protocol}.");
        }

        var developerName = body.String("developerName");
        if (developerName is not null)
        {
            DeveloperNames.Check(developerName, "developerName");
        }

        return new ExternalCredentialInput(
            protocol,
            variant,
            SharedInputReader.Headers(body),
            developerName,
            body.RequiredString("masterLabel"),
            SharedInputReader.Parameters(body, ConnectValues.ExternalCredentialParameterTypes),
            Principals(body, protocol));
    }

    private static List<PrincipalInput> Principals(JsonInput body, string protocol)
    {
        var principals = new List<PrincipalInput>();
        foreach (var item in body.Array("principals"))
        {
            // "id" is documented input; principals are matched by name and type instead.
            item.Expect("id", "parameters", "principalName", "principalType", "sequenceNumber");
            _ = item.String("id");
            var principal = new PrincipalInput(
                item.RequiredString("principalName"),
                item.RequiredChoice("principalType", ConnectValues.PrincipalTypes),
                item.RequiredInt("sequenceNumber"),
                SharedInputReader.Parameters(item, ConnectValues.ExternalCredentialParameterTypes));

            if (principal.Type == ConnectValues.AwsStsPrincipal && protocol != ConnectValues.AwsSv4)
            {
                throw ApiException.InvalidInput(
                    $"The principal in '{item.Path}' has type AwsStsPrincipal, which only the " +
                    "AwsSv4 protocol takes.");
            }

            if (principals.Any(
                p => string.Equals(p.Name, principal.Name, StringComparison.OrdinalIgnoreCase)))
            {
                throw ApiException.InvalidInput(
                    $"The principal '{principal.Name}' is given twice in 'principals'.");
            }

            principals.Add(principal);
        }

        return principals;
    }
}
