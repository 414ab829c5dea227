namespace CredSync.LocalOrg;

/// <summary>Reads a Credential Input body.</summary>
internal static class CredentialReader
{
    public static CredentialInput Read(JsonInput body, ApiVersion version)
    {
        body.Expect(
            "authenticationProtocol",
            "authenticationProtocolVariant",
            "credentials",
            "externalCredential",
            "principalName",
            "principalType");

        if (body.Has("authenticationProtocolVariant") && !version.IsAtLeast(57))
        {
            throw ApiException.InvalidInput(
                "The field 'authenticationProtocolVariant' is available in API version 57.0 " +
                $"and later; this call uses {version}.");
        }

        return new CredentialInput(
            body.RequiredString("externalCredential"),
            body.String("principalName"),
            body.RequiredChoice("principalType", ConnectValues.PrincipalTypes),
            body.RequiredChoice("authenticationProtocol", ConnectValues.Protocols),
            body.Choice("authenticationProtocolVariant", ConnectValues.Variants),
            Credentials(body.RequiredObject("credentials"), version));
    }

    private static List<KeyValuePair<string, CredentialValueInput>> Credentials(
        JsonInput map,
        ApiVersion version)
    {
        var credentials = new List<KeyValuePair<string, CredentialValueInput>>();
        foreach (var (key, entry) in map.Entries())
        {
            entry.Expect("encrypted", "revision", "value");
            if (entry.Has("revision") && !version.IsAtLeast(58))
            {
                throw ApiException.InvalidInput(
                    $"The field '{entry.FieldPath("revision")}' is available in API version " +
                    "58.0 and later.");
            }

            // A revision names a short-lived token to refresh; the local org has no such tokens,
            // so a valid revision is accepted and has no effect.
            _ = entry.Int("revision");
            var encrypted = entry.RequiredBool("encrypted");
            var value = entry.String("value") ?? throw entry.Missing("value");
            credentials.Add(new(key, new CredentialValueInput(encrypted, value)));
        }

        return credentials;
    }
}
