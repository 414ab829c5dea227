namespace CredSync.Salesforce;

/// <summary>The org's 24-hour API usage, from the last Sforce-Limit-Info header seen.</summary>
public sealed record ApiUsage(long Used, long Limit);
