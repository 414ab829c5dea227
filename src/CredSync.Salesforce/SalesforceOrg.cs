using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CredSync.Core.Live;
using CredSync.Core.Loading;
using CredSync.Core.Model;
using CredSync.Core.Planning;
using CredSync.Core.Secrets;
using Microsoft.Extensions.Logging;

namespace CredSync.Salesforce;

/// <summary>
/// The org as CredSync sees it: finds the API version and identity, reads the live state of
/// what a configuration declares, and makes the calls of a plan. The same code talks to a
/// real org and to the local org.
/// </summary>
public sealed partial class SalesforceOrg(SalesforceClient client, ILogger logger) : IChangeExecutor
{
    private DesiredState? _desired;
    private ResolvedSecrets _secrets = ResolvedSecrets.Empty;

    public OrgIdentity? Identity { get; private set; }

    public SalesforceClient Client => client;

    private string Version => Identity?.ApiVersion ?? throw new InvalidOperationException("ConnectAsync must run first.");

    private string DataPath => $"/services/data/v{Version}";

    /// <summary>Picks the API version (the file's, or the org's newest) and learns who we are.</summary>
    public async Task<OrgIdentity> ConnectAsync(string? requestedVersion, CancellationToken cancellationToken)
    {
        var versions = await client.SendAsync(HttpMethod.Get, "/services/data/", null, cancellationToken, authenticate: false) as JsonArray
            ?? throw new SalesforceConnectionException($"{client.Connection.InstanceUrl} did not list API versions at /services/data/; is it a Salesforce instance URL?");

        var available = versions
            .Select(v => v?["version"]?.GetValue<string>())
            .OfType<string>()
            .OrderBy(v => decimal.Parse(v, CultureInfo.InvariantCulture))
            .ToList();
        var newest = available.LastOrDefault()
            ?? throw new SalesforceConnectionException($"{client.Connection.InstanceUrl} lists no API versions.");

        var version = requestedVersion ?? newest;

        if (requestedVersion is not null && !available.Contains(requestedVersion))
        {
            throw new SalesforceConnectionException($"The org does not offer API version {requestedVersion} (org.apiVersion); it offers {available.First()} to {newest}.");
        }

        if (DesiredStateLoader.CompareVersions(version, DesiredStateLoader.MinimumApiVersion) < 0)
        {
            throw new SalesforceConnectionException($"The org's newest API version is {version}; CredSync needs {DesiredStateLoader.MinimumApiVersion} or later.");
        }

        var user = await client.SendAsync(HttpMethod.Get, "/services/oauth2/userinfo", null, cancellationToken);

        Identity = new OrgIdentity(
            user?["organization_id"]?.GetValue<string>() ?? "unknown",
            // A URL with user:password in it is never shown with them.
            new UriBuilder(client.Connection.InstanceUrl) { UserName = "", Password = "" }.Uri.ToString().TrimEnd('/'),
            user?["preferred_username"]?.GetValue<string>() ?? "unknown user",
            version);

        Log.Connected(logger, Identity.InstanceUrl, Identity.OrganizationId, version);

        return Identity;
    }

    /// <summary>
    /// Reads the definitions the file declares (directly, since the list resources may show
    /// only what the user can authenticate to), the names of everything listed, and the
    /// credential values of every declared principal that exists.
    /// </summary>
    public async Task<LiveOrgState> ReadAsync(DesiredState desired, CancellationToken cancellationToken)
    {
        var org = Identity ?? throw new InvalidOperationException("ConnectAsync must run first.");
        var allEcs = ConnectMapper.ReadNames(await GetAsync(ApiPaths.ExternalCredentials, cancellationToken), "externalCredentials");
        var allNcs = ConnectMapper.ReadNames(await GetAsync(ApiPaths.NamedCredentials, cancellationToken), "namedCredentials");
        var ecs = new Dictionary<string, LiveExternalCredential>(StringComparer.Ordinal);
        var ncs = new Dictionary<string, LiveNamedCredential>(StringComparer.Ordinal);
        var credentials = new Dictionary<(string, string), LiveCredentials>();

        foreach (var ec in desired.ExternalCredentials)
        {
            var node = await GetOrNullAsync(ApiPaths.ExternalCredential(ec.Name), cancellationToken);

            if (node is null)
            {
                continue;
            }

            var current = ecs[ec.Name] = ConnectMapper.ReadExternalCredential(node);

            foreach (var principal in ec.Principals)
            {
                var livePrincipal = current.Principals.FirstOrDefault(p => p.Name == principal.Name);

                if (livePrincipal is null)
                {
                    continue;
                }

                var query = ApiPaths.PrincipalQuery(ec.Name, principal.Name, livePrincipal.Type);
                var values = await GetOrNullAsync(ApiPaths.Credential + ApiCall.QueryString(query), cancellationToken);

                credentials[(ec.Name, principal.Name)] = values is null
                    ? new LiveCredentials(ec.Name, principal.Name, livePrincipal.Type, "NotConfigured", new Dictionary<string, LiveCredentialValue>())
                    : ConnectMapper.ReadCredentials(values, ec.Name, principal.Name, livePrincipal.Type);
            }
        }

        foreach (var nc in desired.NamedCredentials)
        {
            var node = await GetOrNullAsync(ApiPaths.NamedCredential(nc.Name), cancellationToken);

            if (node is not null)
            {
                ncs[nc.Name] = ConnectMapper.ReadNamedCredential(node);
            }
        }

        return new LiveOrgState(
            org,
            ecs,
            ncs,
            credentials,
            allEcs.Union(ecs.Keys).ToList(),
            allNcs.Union(ncs.Keys).ToList());
    }

    /// <summary>Gives the executor what it needs to build request bodies.</summary>
    public void PrepareApply(DesiredState desired, ResolvedSecrets secrets)
    {
        _desired = desired;
        _secrets = secrets;
    }

    public string Describe(ApiCall call) => call.Display(Version);

    public async Task<int> ExecuteAsync(PlannedChange change, ApiCall call, CancellationToken cancellationToken)
    {
        var desired = _desired ?? throw new InvalidOperationException("PrepareApply must run before a change is executed.");
        var method = new HttpMethod(call.Method);
        var body = BodyFor(change, call, desired);
        var path = DataPath + call.Path + ApiCall.QueryString(call.Query);

        try
        {
            await client.SendAsync(method, path, body, cancellationToken);
        }
        catch (SalesforceApiException e)
        {
            // Salesforce messages can echo input; make sure none of what we sent comes back out.
            throw new SalesforceApiException(
                e.Status, Redact(e.ErrorCode, change), Redact(e.ErrorMessage, change), call.Display(Version));
        }

        return call.Method switch
        {
            "POST" => 201,
            "DELETE" => 204,
            _ => 200,
        };
    }

    private JsonObject? BodyFor(PlannedChange change, ApiCall call, DesiredState desired)
    {
        if (call.Method == "DELETE")
        {
            return null;
        }

        return change.Kind switch
        {
            ResourceKind.ExternalCredential => ConnectMapper.ExternalCredentialInput(
                desired.FindExternalCredential(change.Name)!, create: call.Method == "POST"),
            ResourceKind.NamedCredential => ConnectMapper.NamedCredentialInput(
                desired.NamedCredentials.First(n => n.Name == change.Name),
                create: call.Method == "POST",
                supportsDescription: DesiredStateLoader.CompareVersions(Version, "64.0") >= 0),
            ResourceKind.Credentials => ConnectMapper.CredentialInput(
                change.Write ?? throw new InvalidOperationException($"{change.Address} has no credential body."), _secrets),
            _ => throw new InvalidOperationException($"{change.Kind} changes are not made by this release."),
        };
    }

    /// <summary>
    /// Takes every value this change sent out of an error message. An echoed body holds a value
    /// as the JSON writer escaped it ('+' as \u002B), and the client collapses whitespace in a
    /// non-JSON answer and cuts it at 200 characters, possibly inside a value; all are redacted.
    /// </summary>
    private string Redact(string message, PlannedChange change)
    {
        if (change.Write is null)
        {
            return message;
        }

        var forms = change.Write.Keys.SelectMany(key => SentForms(_secrets.ValueOf(key))).ToList();

        foreach (var form in forms)
        {
            message = RedactCutTail(message.Replace(form, SecretValue.Redacted, StringComparison.Ordinal), form);
        }

        // Last line of defence: a message that still quotes any run of a value (cut short,
        // re-cased, or re-encoded: URL, base64, hex) is not shown at all.
        var views = Decodings(message).ToList();

        return forms.Any(form => views.Any(view => QuotesPart(view, form)))
            ? "(Salesforce's message is withheld: it quotes part of a value that was sent.)"
            : message;
    }

    /// <summary>The message as written, and as it reads once URL, base64 or hex encoding is undone.</summary>
    private static IEnumerable<string> Decodings(string message)
    {
        yield return message;

        string? unescaped = null;

        try
        {
            unescaped = Uri.UnescapeDataString(message.Replace('+', ' '));
        }
        catch (UriFormatException)
        {
            // Not URL-encoded text; the other views still apply.
        }

        if (unescaped is not null && unescaped != message)
        {
            yield return unescaped;
        }

        foreach (Match token in EncodedToken().Matches(message))
        {
            var text = token.Value;

            if (HexToken().IsMatch(text) && text.Length % 2 == 0)
            {
                yield return Encoding.UTF8.GetString(Convert.FromHexString(text));
            }

            var base64 = text.Replace('-', '+').Replace('_', '/');
            var padded = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
            var buffer = new byte[padded.Length];

            if (Convert.TryFromBase64String(padded, buffer, out var written))
            {
                yield return Encoding.UTF8.GetString(buffer, 0, written);
            }
        }
    }

    [GeneratedRegex("[A-Za-z0-9+/=_-]{16,}")]
    private static partial Regex EncodedToken();

    [GeneratedRegex("^[0-9A-Fa-f]+$")]
    private static partial Regex HexToken();

    private static bool QuotesPart(string message, string form)
    {
        const int Run = 8;

        for (var i = 0; i + Run <= form.Length; i++)
        {
            if (message.Contains(form.AsSpan(i, Run), StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static IEnumerable<string> SentForms(string value)
    {
        string[] forms = [value, JsonEncodedText.Encode(value).ToString()];

        return forms
            .Concat(forms.Select(f => WhiteSpace().Replace(f, " ")))
            .Where(f => f.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .OrderByDescending(f => f.Length);
    }

    private static string RedactCutTail(string message, string form)
    {
        const string Cut = "...";

        if (!message.EndsWith(Cut, StringComparison.Ordinal))
        {
            return message;
        }

        var kept = message[..^Cut.Length];

        for (var n = Math.Min(form.Length - 1, kept.Length); n > 0; n--)
        {
            if (kept.EndsWith(form[..n], StringComparison.Ordinal))
            {
                return kept[..^n] + SecretValue.Redacted + Cut;
            }
        }

        return message;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();

    private Task<JsonNode?> GetAsync(string path, CancellationToken cancellationToken) =>
        client.SendAsync(HttpMethod.Get, DataPath + path, null, cancellationToken);

    private async Task<JsonNode?> GetOrNullAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            return await GetAsync(path, cancellationToken);
        }
        catch (SalesforceApiException e) when (e.IsNotFound)
        {
            return null;
        }
    }


    private static partial class Log
    {
        [LoggerMessage(EventId = 101, Level = LogLevel.Information, Message = "Connected to {InstanceUrl} (org {OrganizationId}), API v{Version}")]
        public static partial void Connected(ILogger logger, string instanceUrl, string organizationId, string version);
    }
}
