namespace CredSync.Core.Secrets;

/// <summary>A store does not hold what a reference asks for; the message says what to fix.</summary>
public sealed class SecretNotFoundException(string message) : Exception(message);
