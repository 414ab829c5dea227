namespace CredSync.Cli;

/// <summary>The exit codes CredSync promises (SPEC section 6).</summary>
public static class ExitCodes
{
    /// <summary>Success, nothing to change.</summary>
    public const int Success = 0;

    /// <summary>An API, network, auth or operation failure.</summary>
    public const int Error = 1;

    /// <summary>Changes pending (plan --detailed-exitcode) or drift found (drift).</summary>
    public const int ChangesPresent = 2;

    /// <summary>Invalid input: configuration, schema, secret references, usage.</summary>
    public const int InvalidInput = 3;
}
