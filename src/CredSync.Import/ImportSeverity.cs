namespace CredSync.Import;

/// <summary>How serious an import diagnostic is.</summary>
public enum ImportSeverity
{
    /// <summary>The metadata cannot be imported as it is; no YAML is written.</summary>
    Error,

    /// <summary>The YAML was written, but something in it needs the user's attention.</summary>
    Warning,

    /// <summary>A note on a mapping decision the user may want to know about.</summary>
    Info,
}
