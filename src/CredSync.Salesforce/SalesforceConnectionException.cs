namespace CredSync.Salesforce;

/// <summary>The org could not be reached, or answered with something that is not its API.</summary>
public sealed class SalesforceConnectionException(string message, Exception? inner = null) : Exception(message, inner);
