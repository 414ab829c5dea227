namespace CredSync.LocalOrg;

/// <summary>What an injected fault does to a request.</summary>
internal enum FaultKind
{
    /// <summary>Answer with an error status; the request is not carried out.</summary>
    Status,

    /// <summary>Close the connection; the request is not carried out.</summary>
    Drop,

    /// <summary>Carry the request out and save it, then close the connection unanswered.</summary>
    DropAfterHandling,
}
