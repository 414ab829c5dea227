using System.Text.Json.Nodes;
using CredSync.Cli.Views;

namespace CredSync.Cli.Tests.Views;

/// <summary>The text and markdown views, compared whole against a fixed plan document.</summary>
public sealed class PlanViewTests
{
    private static readonly JsonObject Document = JsonNode.Parse("""
        {
          "format_version": "1",
          "config": { "path": "credsync.yaml", "digest": "d" },
          "org": { "organization_id": "00D000000000001", "instance_url": "https://acme.my.salesforce.com", "username": "ci@acme.com", "api_version": "66.0" },
          "changes": [
            { "address": "externalCredential.Stripe", "kind": "ExternalCredential", "name": "Stripe", "action": "update",
              "api_call": "PUT /services/data/v66.0/named-credentials/external-credentials/Stripe",
              "api_calls": ["PUT /services/data/v66.0/named-credentials/external-credentials/Stripe"],
              "fields": [ { "name": "label", "before": "Stripe", "after": "Stripe Payments" } ],
              "keys": [], "reason": "label differs; PUT replaces the whole definition", "depends_on": [], "live_digest": "x", "fingerprints": {} },
            { "address": "namedCredential.StripeAPI", "kind": "NamedCredential", "name": "StripeAPI", "action": "no-op",
              "api_call": null, "api_calls": [], "fields": [], "keys": [], "reason": "matches the file", "depends_on": [], "live_digest": "y", "fingerprints": {} },
            { "address": "externalCredential.Stripe.principal.Default", "kind": "Credentials", "name": "Stripe/Default", "action": "update",
              "api_call": "PATCH /services/data/v66.0/named-credentials/credential?externalCredential=Stripe&principalName=Default&principalType=NamedPrincipal",
              "api_calls": ["PATCH /services/data/v66.0/named-credentials/credential?externalCredential=Stripe&principalName=Default&principalType=NamedPrincipal"],
              "fields": [],
              "keys": [
                { "name": "ApiKey", "change": "change", "encrypted": true, "reason": "the store holds a new value (fingerprint changed)" },
                { "name": "Account", "change": "add", "encrypted": false, "reason": "not set in the org (lost, or never set)" },
                { "name": "CachedToken", "change": "unmanaged", "encrypted": true, "reason": "not written by CredSync and not declared; left alone" }
              ],
              "reason": "PATCH sets only the 2 changed key(s)", "depends_on": ["externalCredential.Stripe"], "live_digest": "z", "fingerprints": { "ApiKey": "hmac-sha256:ab" } },
            { "address": "namedCredential.Old", "kind": "NamedCredential", "name": "Old", "action": "delete",
              "api_call": "DELETE /services/data/v66.0/named-credentials/named-credential-setup/Old",
              "api_calls": ["DELETE /services/data/v66.0/named-credentials/named-credential-setup/Old"],
              "fields": [], "keys": [], "reason": "not declared in the file, and policy.prune is on", "depends_on": [], "live_digest": "present", "fingerprints": {} }
          ],
          "summary": { "create": 0, "update": 2, "delete": 1, "replace": 0, "no_op": 1, "secret_values_to_set": 2, "keys_to_remove": 0, "has_changes": true },
          "diagnostics": [
            { "severity": "warning", "summary": "Principal access is not yet reconciled.", "detail": "Grant it with a metadata deploy.", "address": null, "file": "credsync.yaml", "line": 30, "column": 3 }
          ],
          "state_digest": "s"
        }
        """)!.AsObject();

    [Fact]
    public void TextView_RendersEveryChangeAndTheSummary()
    {
        var text = TextPlanView.Render(Document, Style.Plain);

        Assert.Equal("""
            CredSync will make these changes in ci@acme.com at https://acme.my.salesforce.com (org 00D000000000001, API v66.0):

            Actions: ~ update, - delete

              ~ externalCredential.Stripe
                  label differs; PUT replaces the whole definition
                  call: PUT /services/data/v66.0/named-credentials/external-credentials/Stripe
                  label: "Stripe" → "Stripe Payments"

              ~ externalCredential.Stripe.principal.Default
                  PATCH sets only the 2 changed key(s)
                  call: PATCH /services/data/v66.0/named-credentials/credential?externalCredential=Stripe&principalName=Default&principalType=NamedPrincipal
                  ~ key ApiKey = (sensitive)  # the store holds a new value (fingerprint changed)
                  + key Account = (unencrypted value)  # not set in the org (lost, or never set)
                  ? key CachedToken  # not written by CredSync and not declared; left alone

              - namedCredential.Old
                  not declared in the file, and policy.prune is on
                  call: DELETE /services/data/v66.0/named-credentials/named-credential-setup/Old

            Warning: credsync.yaml:30:3: Principal access is not yet reconciled.
              Grant it with a metadata deploy.

            Plan: 0 to create, 2 to update, 1 to delete; 2 secret values to set.

            """, text.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void TextView_WithColour_PaintsSymbolsOnly()
    {
        var text = TextPlanView.Render(Document, new Style(true));

        Assert.Contains("\u001b[33m~\u001b[0m \u001b[1mexternalCredential.Stripe\u001b[0m", text);
        Assert.Contains("\u001b[31m-\u001b[0m \u001b[1mnamedCredential.Old\u001b[0m", text);
        Assert.DoesNotContain("\u001b", TextPlanView.Render(Document, Style.Plain));
    }

    [Fact]
    public void TextView_EmptyPlan_SaysNoChanges()
    {
        var empty = Document.DeepClone().AsObject();
        empty["changes"] = new JsonArray();
        empty["diagnostics"] = new JsonArray();

        Assert.Equal("No changes. The org matches credsync.yaml.\n", TextPlanView.Render(empty, Style.Plain).ReplaceLineEndings("\n"));
        Assert.StartsWith("No drift.", TextPlanView.Render(empty, Style.Plain, drift: true));
    }

    [Fact]
    public void Views_ValuesFromTheFile_CannotFakeLinesOrMarkup()
    {
        var spoofed = Document.DeepClone().AsObject();
        spoofed["changes"]![0]!["fields"]![0]!["after"] = "x\n\nPlan: 9 to create, 9 to update, 9 to delete.\n<img src=x onerror=alert(1)> **bold**";

        var text = TextPlanView.Render(spoofed, Style.Plain);
        var markdown = MarkdownPlanView.Render(spoofed);

        Assert.DoesNotContain("\nPlan: 9 to create", text);
        Assert.Contains("\\u000aPlan: 9 to create", text);
        Assert.DoesNotContain("<img", markdown);
        Assert.Contains("&lt;img", markdown);
        Assert.DoesNotContain(" **bold**", markdown);
    }

    [Fact]
    public void Views_TextFromTheOrg_CannotFakeHeadingsLinksOrHiddenText()
    {
        var hostile = Document.DeepClone().AsObject();
        hostile["org"]!["username"] = "x`\n\n## Approved by security\n[click](https://evil.example) \u202Egnp.exe\u200B";
        hostile["diagnostics"]![0]!["summary"] = "Note\nPlan: 9 to create, 9 to update, 9 to delete; [x](https://evil.example)";

        var text = TextPlanView.Render(hostile, Style.Plain);
        var markdown = MarkdownPlanView.Render(hostile);

        Assert.DoesNotContain("\n## Approved", text + markdown);
        Assert.DoesNotContain("\nPlan: 9 to create", text + markdown);
        Assert.Contains("\\[x\\](https://evil.example)", markdown);
        Assert.Contains("as `x'\\u000a\\u000a## Approved", markdown);
        Assert.DoesNotContain("\u202E", text + markdown);
        Assert.DoesNotContain("\u200B", text + markdown);
        Assert.Contains("\\u202egnp.exe", text);
    }

    [Fact]
    public void MarkdownView_RendersATableForAPullRequest()
    {
        var markdown = MarkdownPlanView.Render(Document);

        Assert.Equal("""
            ### CredSync plan

            Org `00D000000000001` at https://acme.my.salesforce.com as `ci@acme.com`, API v66.0.

            | | Address | Call | What changes |
            |---|---|---|---|
            | `~` update | `externalCredential.Stripe` | `PUT /services/data/v66.0/named-credentials/external-credentials/Stripe` | label differs; PUT replaces the whole definition<br>label: Stripe → Stripe Payments |
            | `~` update | `externalCredential.Stripe.principal.Default` | `PATCH /services/data/v66.0/named-credentials/credential?externalCredential=Stripe&principalName=Default&principalType=NamedPrincipal` | PATCH sets only the 2 changed key(s)<br>change key ApiKey (sensitive)<br>add key Account<br>unmanaged key CachedToken |
            | `-` delete | `namedCredential.Old` | `DELETE /services/data/v66.0/named-credentials/named-credential-setup/Old` | not declared in the file, and policy.prune is on |

            > **warning**: `credsync.yaml:30:3` Principal access is not yet reconciled. Grant it with a metadata deploy.


            **Plan: 0 to create, 2 to update, 1 to delete; 2 secret values to set.**

            """, markdown.ReplaceLineEndings("\n"));
    }
}
