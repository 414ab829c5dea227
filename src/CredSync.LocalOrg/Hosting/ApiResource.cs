namespace CredSync.LocalOrg;

/// <summary>A REST resource: its route template, and the methods it answers from which version.</summary>
/// <remarks>
/// One table drives both answers for calls a version lacks: a resource with no method yet is
/// 404 NOT_FOUND, and a resource that exists but lacks the method is 405 with an Allow list.
/// </remarks>
internal sealed record ApiResource(string Template, IReadOnlyList<ApiOperation> Operations);
