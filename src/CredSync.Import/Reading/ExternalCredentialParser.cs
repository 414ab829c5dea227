using System.Xml.Linq;
using CredSync.Import.Model;

namespace CredSync.Import.Reading;

/// <summary>Reads an <c>ExternalCredential</c> metadata file.</summary>
internal static class ExternalCredentialParser
{
    public static ExternalCredentialDefinition Parse(XElement root, ParseContext context)
    {
        var children = context.Children(root, MetadataVocabulary.ExternalCredential);

        var protocolElement = children.Single("authenticationProtocol");
        var protocol = context.RequiredText(children, "authenticationProtocol", root);
        var label = context.RequiredText(children, "label", root);

        var parameters = children
            .All("externalCredentialParameters")
            .Select(element => ParseParameter(element, context))
            .OfType<ExternalCredentialParameter>()
            .ToList();

        return new ExternalCredentialDefinition(
            context.File,
            context.At(root),
            label,
            context.Text(children.Single("description")),
            protocol,
            context.At(protocolElement ?? root),
            parameters);
    }

    private static ExternalCredentialParameter? ParseParameter(
        XElement element,
        ParseContext context)
    {
        var children = context.Children(element, MetadataVocabulary.ExternalCredentialParameter);

        var name = context.RequiredText(children, "parameterName", element);
        var type = context.RequiredText(children, "parameterType", element);
        var group = context.Token(children.Single("parameterGroup"));
        var value = context.Text(children.Single("parameterValue"));
        var authProvider = context.Token(children.Single("authProvider"));
        var certificate = context.Token(children.Single("certificate"));
        var description = context.Text(children.Single("description"));
        var sequence = context.Integer(children.Single("sequenceNumber"));
        var permissionSetElement = children.Single("principal");
        var permissionSet = context.Token(permissionSetElement);

        // Only read to report a malformed value: the parameter type it belongs to cannot be
        // written to credsync.yaml, and the mapper says so.
        _ = context.Text(children.Single("externalAuthIdentityProvider"));

        if (name is null || type is null)
        {
            return null;
        }

        return new ExternalCredentialParameter(
            context.At(element),
            name,
            type,
            group,
            value,
            authProvider,
            certificate,
            description,
            sequence,
            permissionSet,
            permissionSetElement is null ? null : context.At(permissionSetElement));
    }
}
