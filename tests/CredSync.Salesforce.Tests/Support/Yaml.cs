using CredSync.Core.Loading;
using CredSync.Core.Model;

namespace CredSync.Salesforce.Tests.Support;

/// <summary>Desired states for the tests, read the way the CLI reads credsync.yaml.</summary>
internal static class Yaml
{
    public static DesiredState Load(string body) =>
        DesiredStateLoader.Parse("credsync.yaml", "version: 1\nstores:\n  s: { type: env }\n" + body,
            baseDirectory: Path.GetTempPath());

    public const string Definitions = """
        externalCredentials:
          Stripe:
            label: Stripe payments
            protocol: Custom
            variant: NoAuthentication
            headers:
              - { name: Authorization, value: "{!'Bearer ' & $Credential.Stripe.ApiKey}" }
              - { name: X-Account, value: "{!$Credential.Stripe.Account}" }
            principals:
              Default:
                type: NamedPrincipal
                credentials:
                  ApiKey: { secret: "s:KEY" }
                  Account: { value: acct_123, encrypted: false }
              Second:
                type: PerUserPrincipal
                sequence: 5
          Partner:
            label: Partner
            protocol: OAuth
            variant: ClientCredentialsClientSecret
            parameters:
              - { type: AuthProviderUrl, name: AuthProviderUrl, value: "https://auth.partner.example/token" }
              - { type: AuthParameter, name: Scope, value: "orders.read" }
            principals:
              Service:
                type: NamedPrincipal
                credentials:
                  clientId: { value: id-1, encrypted: false }
                  clientSecret: { secret: "s:CS" }
        namedCredentials:
          StripeAPI:
            label: Stripe API
            description: Payments
            url: https://api.stripe.com/v1
            externalCredential: Stripe
            enabled: false
            generateAuthorizationHeader: false
            allowMergeFieldsInHeader: true
            headers:
              - { name: X-Trace, value: "on" }
            allowedNamespaces: [ zeta, alpha ]
          PartnerOrders:
            url: https://api.partner.example/orders
            externalCredential: Partner
        """;
}
