namespace CredSync.Core.Live;

/// <summary>
/// One stored credential key. <see cref="Value"/> is kept only for unencrypted keys: whatever
/// the org sends back for an encrypted one (masked, null, or plain) is treated as opaque and
/// dropped at the client, so no secret read from an org reaches the planner.
/// </summary>
public sealed record LiveCredentialValue(bool Encrypted, string? Value);
