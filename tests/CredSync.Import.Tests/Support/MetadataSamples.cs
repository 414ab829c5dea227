using System.Security;
using System.Text;

namespace CredSync.Import.Tests.Support;

/// <summary>Small metadata files for the cases the real fixtures do not cover.</summary>
internal static class MetadataSamples
{
    public const string ExternalCredentialPath =
        "force-app/main/default/externalCredentials/{0}.externalCredential-meta.xml";

    public const string NamedCredentialPath =
        "force-app/main/default/namedCredentials/{0}.namedCredential-meta.xml";

    public const string PermissionSetPath =
        "force-app/main/default/permissionsets/{0}.permissionset-meta.xml";

    public static string ExternalCredential(string protocol, params string[] parameters) =>
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + "<ExternalCredential xmlns=\"http://soap.sforce.com/2006/04/metadata\">\n"
        + $"    <authenticationProtocol>{protocol}</authenticationProtocol>\n"
        + string.Concat(parameters)
        + "    <label>Sample</label>\n"
        + "</ExternalCredential>\n";

    public static string Parameter(
        string type,
        string name,
        string? value = null,
        string? group = null,
        int? sequence = null)
    {
        var xml = new StringBuilder("    <externalCredentialParameters>\n");
        if (group is not null)
        {
            xml.Append($"        <parameterGroup>{Escape(group)}</parameterGroup>\n");
        }

        xml.Append($"        <parameterName>{Escape(name)}</parameterName>\n");
        xml.Append($"        <parameterType>{type}</parameterType>\n");
        if (value is not null)
        {
            xml.Append($"        <parameterValue>{Escape(value)}</parameterValue>\n");
        }

        if (sequence is not null)
        {
            xml.Append($"        <sequenceNumber>{sequence}</sequenceNumber>\n");
        }

        return xml.Append("    </externalCredentialParameters>\n").ToString();
    }

    public static string Principal(string name, string type = "NamedPrincipal", int sequence = 1) =>
        Parameter(type, name, group: name, sequence: sequence);

    public static string NamedCredential(
        string externalCredential,
        params string[] extraParameters) =>
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + "<NamedCredential xmlns=\"http://soap.sforce.com/2006/04/metadata\">\n"
        + "    <label>Sample</label>\n"
        + "    <namedCredentialParameters>\n"
        + "        <parameterName>Url</parameterName>\n"
        + "        <parameterType>Url</parameterType>\n"
        + "        <parameterValue>https://example.com</parameterValue>\n"
        + "    </namedCredentialParameters>\n"
        + "    <namedCredentialParameters>\n"
        + $"        <externalCredential>{externalCredential}</externalCredential>\n"
        + "        <parameterName>ExternalCredential</parameterName>\n"
        + "        <parameterType>Authentication</parameterType>\n"
        + "    </namedCredentialParameters>\n"
        + string.Concat(extraParameters)
        + "    <namedCredentialType>SecuredEndpoint</namedCredentialType>\n"
        + "</NamedCredential>\n";

    public static string HttpHeader(string name, string value, int sequence) =>
        "    <namedCredentialParameters>\n"
        + $"        <parameterName>{name}</parameterName>\n"
        + "        <parameterType>HttpHeader</parameterType>\n"
        + $"        <parameterValue>{Escape(value)}</parameterValue>\n"
        + $"        <sequenceNumber>{sequence}</sequenceNumber>\n"
        + "    </namedCredentialParameters>\n";

    public static string PermissionSet(params (string Principal, bool Enabled)[] accesses) =>
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + "<PermissionSet xmlns=\"http://soap.sforce.com/2006/04/metadata\">\n"
        + string.Concat(accesses.Select(a =>
            "    <externalCredentialPrincipalAccesses>\n"
            + $"        <enabled>{(a.Enabled ? "true" : "false")}</enabled>\n"
            + $"        <externalCredentialPrincipal>{a.Principal}</externalCredentialPrincipal>\n"
            + "    </externalCredentialPrincipalAccesses>\n"))
        + "    <label>Sample</label>\n"
        + "</PermissionSet>\n";

    private static string Escape(string text) => SecurityElement.Escape(text);

    public static string At(string pathFormat, string name) =>
        string.Format(System.Globalization.CultureInfo.InvariantCulture, pathFormat, name);
}
