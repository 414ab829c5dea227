using System.Xml.Linq;
using CredSync.Import.Model;

namespace CredSync.Import.Reading;

/// <summary>
/// Reads a <c>NamedCredential</c> metadata file, in the current or the legacy model.
/// </summary>
internal static class NamedCredentialParser
{
    public static NamedCredentialDefinition Parse(XElement root, ParseContext context)
    {
        var children = context.Children(root, MetadataVocabulary.NamedCredential);

        var label = context.RequiredText(children, "label", root);
        var typeElement = children.Single("namedCredentialType");

        var parameters = children
            .All("namedCredentialParameters")
            .Select(element => ParseParameter(element, context))
            .OfType<NamedCredentialParameter>()
            .ToList();

        var legacyFields = MetadataVocabulary.LegacyNamedCredentialFields
            .Select(name => children.Single(name))
            .OfType<XElement>()
            .Select(element => new LegacyField(
                element.Name.LocalName,
                !string.IsNullOrWhiteSpace(context.Text(element)),
                context.At(element)))
            .OrderBy(field => field.Location.Line)
            .ToList();

        return new NamedCredentialDefinition(
            context.File,
            context.At(root),
            label,
            context.Text(children.Single("description")),
            context.Token(typeElement),
            context.At(typeElement ?? root),
            context.Token(children.Single("calloutStatus")),
            context.Boolean(children.Single("generateAuthorizationHeader")),
            context.Boolean(children.Single("allowMergeFieldsInHeader")),
            context.Boolean(children.Single("allowMergeFieldsInBody")),
            parameters,
            legacyFields,
            context.Token(children.Single("protocol")),
            context.Token(children.Single("principalType")));
    }

    private static NamedCredentialParameter? ParseParameter(XElement element, ParseContext context)
    {
        var children = context.Children(element, MetadataVocabulary.NamedCredentialParameter);

        var name = context.RequiredText(children, "parameterName", element);
        var type = context.RequiredText(children, "parameterType", element);
        var value = context.Text(children.Single("parameterValue"));
        var externalCredential = context.Token(children.Single("externalCredential"));
        var certificate = context.Token(children.Single("certificate"));
        var networkConnection = context.Token(children.Single("outboundNetworkConnection"));
        var sequence = context.Integer(children.Single("sequenceNumber"));

        // Internal flags that Salesforce sets on its own named credentials; they are read only
        // so that a malformed one is still reported.
        foreach (var flag in new[]
        {
            "globalNamedPrincipalCredential",
            "managedFeatureEnabledCallout",
            "readOnlyNamedCredential",
            "systemUserNamedCredential",
        })
        {
            _ = context.Boolean(children.Single(flag));
        }

        if (name is null || type is null)
        {
            return null;
        }

        return new NamedCredentialParameter(
            context.At(element),
            name,
            type,
            value,
            externalCredential,
            certificate,
            networkConnection,
            sequence);
    }
}
