using System.Text.Json.Nodes;
using CredSync.Core.Diagnostics;
using CredSync.Core.Model;

namespace CredSync.Core.Loading;

/// <summary>Turns a schema-valid tree into the model and checks what the schema cannot.</summary>
internal sealed class Binder(YamlDocument document, string baseDirectory)
{
    private readonly List<Diagnostic> _diagnostics = [];

    public IReadOnlyList<Diagnostic> Diagnostics => _diagnostics;

    public DesiredState Bind(string digest)
    {
        var root = (JsonObject)document.Root!;
        var stores = BindStores(root["stores"] as JsonObject);
        var externalCredentials = BindExternalCredentials(root["externalCredentials"] as JsonObject);
        var namedCredentials = BindNamedCredentials(root["namedCredentials"] as JsonObject);
        var permissionSets = BindPermissionSets(root["permissionSets"] as JsonObject);
        var policy = BindPolicy(root["policy"] as JsonObject);
        var ledger = BindLedger(root["ledger"] as JsonObject);
        var apiVersion = root["org"]?["apiVersion"]?.GetValue<string>();

        if (apiVersion is not null && DesiredStateLoader.CompareVersions(apiVersion, DesiredStateLoader.MinimumApiVersion) < 0)
        {
            Error($"API version {apiVersion} is too old.",
                $"CredSync needs {DesiredStateLoader.MinimumApiVersion} or later (PATCH and per-key DELETE of credentials came in 59.0).",
                "/org/apiVersion");
        }

        var state = new DesiredState(
            document.File,
            apiVersion,
            stores,
            ledger,
            externalCredentials,
            namedCredentials,
            permissionSets,
            policy,
            digest);

        CheckReferences(state);
        CheckNamesIgnoringCase(root);

        return state;
    }

    private List<StoreSpec> BindStores(JsonObject? stores)
    {
        var result = new List<StoreSpec>();

        foreach (var (name, node) in stores ?? [])
        {
            var obj = (JsonObject)node!;
            var settings = obj
                .Where(p => p.Key != "type")
                .ToDictionary(p => p.Key, p => p.Value!.ToString());

            if (settings.TryGetValue("root", out var root))
            {
                settings["root"] = Path.GetFullPath(Path.Combine(baseDirectory, root));
            }

            result.Add(new StoreSpec(name, obj["type"]!.GetValue<string>(), settings, At("/stores/" + Escape(name))));
        }

        return result;
    }

    private List<ExternalCredentialSpec> BindExternalCredentials(JsonObject? section)
    {
        var result = new List<ExternalCredentialSpec>();

        foreach (var (name, node) in section ?? [])
        {
            var pointer = "/externalCredentials/" + Escape(name);
            var obj = node as JsonObject ?? [];
            var protocol = obj["protocol"]?.GetValue<string>();
            var variant = obj["variant"]?.GetValue<string>();
            var valuesOnly = protocol is null;
            var principals = BindPrincipals(obj["principals"] as JsonObject, pointer + "/principals", valuesOnly);

            if (protocol is not null && variant is not null && !Protocols.Variants[protocol].Contains(variant))
            {
                var allowed = Protocols.Variants[protocol];
                Error($"Variant '{variant}' does not belong to protocol '{protocol}' in external credential '{name}'.",
                    allowed.Length == 0
                        ? $"Protocol '{protocol}' has no variants; remove 'variant'."
                        : $"Use one of: {string.Join(", ", allowed)}; or null.",
                    pointer + "/variant");
            }

            if (protocol is not null)
            {
                CheckPrincipals(name, protocol, principals, pointer);
            }

            CheckUnique(BindHeaders(obj["headers"] as JsonArray).Select(h => h.Name), $"header in external credential '{name}'", pointer + "/headers");

            result.Add(new ExternalCredentialSpec(
                name,
                valuesOnly,
                obj["label"]?.GetValue<string>(),
                obj["description"]?.GetValue<string>(),
                protocol,
                variant,
                BindHeaders(obj["headers"] as JsonArray),
                BindParameters(obj["parameters"] as JsonArray),
                principals,
                At(pointer)));
        }

        return result;
    }

    private List<PrincipalSpec> BindPrincipals(JsonObject? section, string pointer, bool valuesOnly)
    {
        var result = new List<PrincipalSpec>();
        var position = 0;

        foreach (var (name, node) in section ?? [])
        {
            position++;
            var at = pointer + "/" + Escape(name);
            var obj = node as JsonObject ?? [];
            var credentials = new List<CredentialSpec>();

            foreach (var (key, value) in obj["credentials"] as JsonObject ?? [])
            {
                credentials.Add(BindCredential(key, (JsonObject)value!, at + "/credentials/" + Escape(key)));
            }

            result.Add(new PrincipalSpec(
                name,
                valuesOnly ? null : obj["type"]?.GetValue<string>(),
                Integer(obj["sequence"]) ?? position,
                BindParameters(obj["parameters"] as JsonArray),
                credentials,
                At(at)));
        }

        return result;
    }

    private CredentialSpec BindCredential(string key, JsonObject obj, string pointer)
    {
        if (obj["runtimeManaged"] is not null)
        {
            return new CredentialSpec(key, CredentialSource.RuntimeManaged, true, null, null, At(pointer));
        }

        var encrypted = obj["encrypted"]?.GetValue<bool>() ?? true;

        if (obj["value"] is JsonNode literal)
        {
            return new CredentialSpec(key, CredentialSource.Literal, false, null, literal.GetValue<string>(), At(pointer));
        }

        var secret = Reference(obj["secret"])
            ?? throw new InvalidOperationException("The schema admits only a string or an object here.");

        return new CredentialSpec(key, CredentialSource.Secret, encrypted, secret, null, document.LocationOf(pointer + "/secret"));
    }

    private void CheckPrincipals(string ec, string protocol, List<PrincipalSpec> principals, string pointer)
    {
        var allowed = Protocols.AllowedKeys(protocol);

        foreach (var principal in principals)
        {
            var at = pointer + "/principals/" + Escape(principal.Name);

            if (principal.Type == "AwsStsPrincipal" && protocol != "AwsSv4")
            {
                Error($"Principal '{principal.Name}' of external credential '{ec}' is an AwsStsPrincipal, but the protocol is '{protocol}'.",
                    "AwsStsPrincipal belongs to the AwsSv4 protocol only.", at + "/type");
            }

            foreach (var credential in principal.Credentials)
            {
                var keyAt = at + "/credentials/" + Escape(credential.Key);

                if (allowed is null || credential.Source == CredentialSource.RuntimeManaged)
                {
                    continue;
                }

                if (!allowed.TryGetValue(credential.Key, out var mustEncrypt))
                {
                    Error($"Protocol '{protocol}' does not take a credential named '{credential.Key}' (principal '{principal.Name}' of '{ec}').",
                        $"Salesforce accepts only: {string.Join(", ", allowed.Keys)}.",
                        keyAt, key: true);
                }
                else if (mustEncrypt != credential.Encrypted)
                {
                    Error($"Credential '{credential.Key}' of principal '{principal.Name}' ('{ec}') must be {(mustEncrypt ? "encrypted" : "unencrypted")} for protocol '{protocol}'.",
                        mustEncrypt
                            ? "Remove 'encrypted: false'; Salesforce stores this value encrypted."
                            : "Add 'encrypted: false'; Salesforce stores this value in clear.",
                        keyAt, key: true);
                }
            }
        }

        CheckUnique(principals.Select(p => p.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            $"principal sequence number in external credential '{ec}'", pointer + "/principals");
    }

    private List<NamedCredentialSpec> BindNamedCredentials(JsonObject? section)
    {
        var result = new List<NamedCredentialSpec>();

        foreach (var (name, node) in section ?? [])
        {
            var pointer = "/namedCredentials/" + Escape(name);
            var obj = (JsonObject)node!;
            var headers = BindHeaders(obj["headers"] as JsonArray);

            CheckUnique(headers.Select(h => h.Name), $"header in named credential '{name}'", pointer + "/headers");

            result.Add(new NamedCredentialSpec(
                name,
                obj["label"]?.GetValue<string>() ?? name,
                obj["description"]?.GetValue<string>(),
                obj["url"]!.GetValue<string>(),
                obj["externalCredential"]!.GetValue<string>(),
                obj["type"]?.GetValue<string>() ?? "SecuredEndpoint",
                obj["networkConnection"]?.GetValue<string>(),
                obj["clientCertificate"]?.GetValue<string>(),
                obj["enabled"]?.GetValue<bool>() ?? true,
                obj["generateAuthorizationHeader"]?.GetValue<bool>() ?? true,
                obj["allowMergeFieldsInHeader"]?.GetValue<bool>() ?? false,
                obj["allowMergeFieldsInBody"]?.GetValue<bool>() ?? false,
                headers,
                (obj["allowedNamespaces"] as JsonArray ?? []).Select(n => n!.GetValue<string>()).Order(StringComparer.Ordinal).ToList(),
                At(pointer)));

            if (!Uri.TryCreate(obj["url"]!.GetValue<string>(), UriKind.Absolute, out var url) ||
                (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
            {
                _diagnostics.Add(Diagnostic.Warning(
                    $"Named credential '{name}' has the url '{obj["url"]}', which is not an absolute http(s) URL.",
                    "If it is a placeholder that a build step fills in, run CredSync on the filled-in file; plan refuses to create or update it as it is.",
                    document.LocationOf(pointer + "/url")));
            }

            if (obj["type"]?.GetValue<string>() == "PrivateEndpoint" && obj["networkConnection"] is null)
            {
                Error($"Named credential '{name}' is a PrivateEndpoint without a networkConnection.",
                    "Name the outbound network connection it goes through.", pointer);
            }
        }

        return result;
    }

    private List<PermissionSetSpec> BindPermissionSets(JsonObject? section)
    {
        var result = new List<PermissionSetSpec>();

        foreach (var (name, node) in section ?? [])
        {
            var entries = ((JsonArray)node!).Select(n => n!.GetValue<string>()).ToList();
            result.Add(new PermissionSetSpec(name, entries, At("/permissionSets/" + Escape(name))));
        }

        return result;
    }

    private static PolicySpec BindPolicy(JsonObject? policy) =>
        policy is null
            ? PolicySpec.Default
            : new PolicySpec(
                policy["prune"]?.GetValue<bool>() ?? false,
                (policy["protect"] as JsonArray ?? []).Select(n => n!.GetValue<string>()).ToList());

    private LedgerSpec BindLedger(JsonObject? ledger)
    {
        var path = ledger?["path"]?.GetValue<string>() ?? Path.Combine(".credsync", "ledger.json");
        var key = Reference(ledger?["key"]);

        return new LedgerSpec(
            Path.GetFullPath(Path.Combine(baseDirectory, path)),
            key,
            Path.GetFullPath(Path.Combine(baseDirectory, ".credsync", "ledger.key")))
        {
            KeyLocation = key is null ? null : document.LocationOf("/ledger/key"),
        };
    }

    /// <summary>A secret reference in its short ("store:key#property@version") or long form.</summary>
    private static SecretReference? Reference(JsonNode? node) => node switch
    {
        JsonValue text => SecretReference.Parse(text.GetValue<string>()),
        JsonObject o => new SecretReference(
            o["store"]!.GetValue<string>(),
            o["key"]!.GetValue<string>(),
            o["property"]?.GetValue<string>(),
            o["version"]?.GetValue<string>()),
        _ => null,
    };

    private static List<Header> BindHeaders(JsonArray? headers) =>
        (headers ?? [])
            .Select((h, i) => new Header(h!["name"]!.GetValue<string>(), h["value"]!.GetValue<string>(), i + 1))
            .ToList();

    private static List<Parameter> BindParameters(JsonArray? parameters) =>
        (parameters ?? [])
            .Select(p => new Parameter(
                p!["type"]!.GetValue<string>(),
                p["name"]!.GetValue<string>(),
                p["value"]?.GetValue<string>(),
                p["description"]?.GetValue<string>()))
            .ToList();

    private void CheckReferences(DesiredState state)
    {
        var storeNames = state.Stores.Select(s => s.Name).ToHashSet(StringComparer.Ordinal);

        foreach (var (reference, usedAt, location) in state.SecretUses())
        {
            if (!storeNames.Contains(reference.Store))
            {
                _diagnostics.Add(Diagnostic.Error(
                    $"Secret reference '{reference}' for '{usedAt}' names the store '{reference.Store}', which is not declared.",
                    StoreHint(storeNames),
                    location));
            }
        }

        if (state.Ledger.Key is { } ledgerKey && !storeNames.Contains(ledgerKey.Store))
        {
            Error($"The ledger key reference '{ledgerKey}' names the store '{ledgerKey.Store}', which is not declared.",
                StoreHint(storeNames), "/ledger/key");
        }

        var ecs = state.ExternalCredentials.ToDictionary(e => e.Name, StringComparer.Ordinal);

        foreach (var nc in state.NamedCredentials)
        {
            if (!ecs.ContainsKey(nc.ExternalCredential))
            {
                Error($"Named credential '{nc.Name}' uses external credential '{nc.ExternalCredential}', which the file does not declare.",
                    $"Declare it under externalCredentials; if it is deployed by other means, declare it values-only: '{nc.ExternalCredential}: {{}}'.",
                    "/namedCredentials/" + Escape(nc.Name) + "/externalCredential");
            }
        }

        foreach (var ps in state.PermissionSets)
        {
            for (var i = 0; i < ps.Principals.Count; i++)
            {
                var entry = ps.Principals[i];
                var dash = entry.IndexOf('-');
                var ecName = entry[..dash];
                var principal = entry[(dash + 1)..];

                if (!ecs.TryGetValue(ecName, out var ec))
                {
                    Error($"Permission set '{ps.Name}' grants access to '{entry}', but external credential '{ecName}' is not declared.",
                        $"Declare '{ecName}' under externalCredentials (values-only is enough), or remove the entry.",
                        $"/permissionSets/{Escape(ps.Name)}/{i}");
                }
                else if (ec.Principals.All(p => p.Name != principal))
                {
                    Error($"Permission set '{ps.Name}' grants access to '{entry}', but '{ecName}' declares no principal '{principal}'.",
                        $"Declared principals: {string.Join(", ", ec.Principals.Select(p => $"'{p.Name}'"))}.",
                        $"/permissionSets/{Escape(ps.Name)}/{i}");
                }
            }
        }
    }

    private static string StoreHint(HashSet<string> storeNames) =>
        storeNames.Count == 0
            ? "Declare it under 'stores', for example 'stores: { ci: { type: env } }'."
            : $"Declared stores: {string.Join(", ", storeNames.Order(StringComparer.Ordinal).Select(n => $"'{n}'"))}.";

    /// <summary>
    /// Salesforce compares developer and principal names without regard to case, so two
    /// names that differ only in case are one item to the org: creating both fails, and
    /// updating them flips the org between the two forever.
    /// </summary>
    private void CheckNamesIgnoringCase(JsonObject root)
    {
        void Check(JsonObject? section, string pointer, string what)
        {
            var seen = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

            foreach (var (name, _) in section ?? [])
            {
                if (seen.TryGetValue(name, out var first))
                {
                    Error($"{what} '{name}' and '{first}' differ only in case; Salesforce treats them as one.",
                        "Give each a distinct name.", pointer + "/" + Escape(name), key: true);
                }
                else
                {
                    seen[name] = name;
                }
            }
        }

        Check(root["externalCredentials"] as JsonObject, "/externalCredentials", "External credentials");
        Check(root["namedCredentials"] as JsonObject, "/namedCredentials", "Named credentials");
        Check(root["permissionSets"] as JsonObject, "/permissionSets", "Permission sets");

        foreach (var (name, node) in root["externalCredentials"] as JsonObject ?? [])
        {
            var pointer = "/externalCredentials/" + Escape(name) + "/principals";
            Check(node?["principals"] as JsonObject, pointer, $"Principals of '{name}'");

            foreach (var (principal, body) in node?["principals"] as JsonObject ?? [])
            {
                Check(body?["credentials"] as JsonObject, pointer + "/" + Escape(principal) + "/credentials", $"Credential keys of '{name}/{principal}'");
            }
        }
    }

    private void CheckUnique(IEnumerable<string> values, string what, string pointer)
    {
        foreach (var duplicate in values.GroupBy(v => v, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            Error($"Duplicate {what}: '{duplicate.Key}'.", "Each must be unique.", pointer);
        }
    }

    private void Error(string summary, string? detail, string pointer, bool key = false) =>
        _diagnostics.Add(Diagnostic.Error(summary, detail, key ? document.KeyLocationOf(pointer) : document.LocationOf(pointer)));

    // Named items (an external credential, a principal) are pointed at by their key line.
    private SourceLocation At(string pointer) => document.KeyLocationOf(pointer);

    // The schema admits any integral number, and YAML reads "1.0" as a float.
    private static int? Integer(JsonNode? node) =>
        node is JsonValue value
            ? value.TryGetValue<long>(out var whole) ? (int)whole : (int)value.GetValue<double>()
            : null;

    private static string Escape(string segment) =>
        segment.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);
}
