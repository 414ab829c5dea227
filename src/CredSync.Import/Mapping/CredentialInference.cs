namespace CredSync.Import.Mapping;

/// <summary>
/// Works out which credential keys a principal needs. Metadata never carries the values, but
/// the protocol, the variant and the header formulas say which keys the Connect API expects.
/// </summary>
internal static class CredentialInference
{
    /// <param name="protocol">The credsync.yaml protocol.</param>
    /// <param name="variant">The protocol variant, if any.</param>
    /// <param name="principalType">NamedPrincipal, PerUserPrincipal or AwsStsPrincipal.</param>
    /// <param name="formulaKeys">
    /// Keys that <c>$Credential.&lt;EC&gt;.&lt;Key&gt;</c> formulas read.
    /// </param>
    /// <param name="authProvider">The auth provider of an OAuth browser flow, if any.</param>
    /// <returns>The keys, or no keys and the reason why.</returns>
    public static (IReadOnlyList<CredentialKey> Keys, string? Reason) Infer(
        string protocol,
        string? variant,
        string principalType,
        IReadOnlyList<string> formulaKeys,
        string? authProvider)
    {
        if (principalType == ParameterTypes.PerUserPrincipal)
        {
            return None("a per-user principal: each user sets their own values "
                + "(in their settings, or through the OAuth flow)");
        }

        return protocol switch
        {
            Protocols.Custom => Custom(variant, formulaKeys),
            Protocols.OAuth => OAuth(variant, authProvider),
            Protocols.Basic => Keys(
                new CredentialKey("username", Encrypted: false),
                new CredentialKey("password")),
            Protocols.AwsSv4 => Aws(variant, principalType),
            _ => None("protocol Jwt: Salesforce signs each token with the signing certificate; "
                + "there is no secret value to set"),
        };
    }

    private static (IReadOnlyList<CredentialKey>, string?) Custom(
        string? variant,
        IReadOnlyList<string> formulaKeys)
    {
        if (formulaKeys.Count > 0)
        {
            return (formulaKeys.Select(key => new CredentialKey(key)).ToList(), null);
        }

        return variant == "NoAuthentication"
            ? None("variant NoAuthentication: nothing to set, unless Apex or a formula "
                + "reads a $Credential key; then add that key here")
            : None("no header formula reads a $Credential key; add the keys your Apex "
                + "or formulas read, e.g. ApiKey: { secret: \"ci:MY_API_KEY\" }");
    }

    private static (IReadOnlyList<CredentialKey>, string?) OAuth(
        string? variant,
        string? authProvider)
    {
        return variant switch
        {
            "ClientCredentialsClientSecret" or "ClientCredentialsClientSecretBasic" =>
                Keys(
                    new CredentialKey("clientId", Encrypted: false),
                    new CredentialKey("clientSecret")),
            "ClientCredentialsJwtAssertion" =>
                Keys(new CredentialKey("clientId", Encrypted: false)),
            "JwtBearer" => None("JWT bearer flow: Salesforce signs the assertion with the "
                + "signing certificate; there is no secret value to set"),
            _ => None("values come from the OAuth browser flow"
                + (authProvider is null ? "" : $" of auth provider '{authProvider}'")
                + ": authenticate the principal in Setup; tokens are not managed here"),
        };
    }

    // AWS keys per the Connect API: access keys for plain Signature V4 and for the STS
    // principal, the role ARN for Roles Anywhere and for the named principal under STS.
    private static (IReadOnlyList<CredentialKey>, string?) Aws(
        string? variant,
        string principalType)
    {
        var accessKeys = Keys(
            new CredentialKey("awsAccessKeyId", Encrypted: false),
            new CredentialKey("awsSecretAccessKey"));
        var roleArn = Keys(new CredentialKey("awsRoleArn", Encrypted: false));

        if (principalType == ParameterTypes.AwsStsPrincipal)
        {
            return accessKeys;
        }

        return variant is "RolesAnywhere" or "AwsSv4_STS" ? roleArn : accessKeys;
    }

    private static (IReadOnlyList<CredentialKey>, string?) Keys(params CredentialKey[] keys) =>
        (keys, null);

    private static (IReadOnlyList<CredentialKey>, string?) None(string reason) => ([], reason);
}
