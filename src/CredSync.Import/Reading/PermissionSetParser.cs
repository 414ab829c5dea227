using System.Xml.Linq;
using CredSync.Import.Model;

namespace CredSync.Import.Reading;

/// <summary>
/// Reads the principal accesses of a <c>PermissionSet</c> file. Permission sets carry many
/// other elements (object, field and class access, ...); those belong to other tools and are
/// not looked at.
/// </summary>
internal static class PermissionSetParser
{
    public static PermissionSetDefinition Parse(XElement root, ParseContext context)
    {
        var accesses = root
            .Elements()
            .Where(e => e.Name.LocalName == "externalCredentialPrincipalAccesses"
                && MetadataXml.IsMetadataNamespace(e.Name))
            .Select(element => ParseAccess(element, context))
            .OfType<PrincipalAccess>()
            .ToList();

        return new PermissionSetDefinition(context.File, context.At(root), accesses);
    }

    private static PrincipalAccess? ParseAccess(XElement element, ParseContext context)
    {
        var children = context.Children(element, MetadataVocabulary.PrincipalAccess);

        var principal = context.RequiredText(children, "externalCredentialPrincipal", element);
        var enabledElement = children.Single("enabled");
        var enabled = context.Boolean(enabledElement);
        if (enabledElement is null)
        {
            context.Error(element, "<externalCredentialPrincipalAccesses> has no <enabled>, "
                + "which is required");
        }

        if (principal is null || enabled is null)
        {
            return null;
        }

        return new PrincipalAccess(context.At(element), principal, enabled.Value);
    }
}
