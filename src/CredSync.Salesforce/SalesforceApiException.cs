using System.Net;

namespace CredSync.Salesforce;

/// <summary>
/// Salesforce answered with an error. Carries what a person needs to act: the HTTP status,
/// Salesforce's errorCode and message, and the call that was made.
/// </summary>
public sealed class SalesforceApiException(
    HttpStatusCode status,
    string errorCode,
    string errorMessage,
    string call)
    : Exception($"{call} failed: {(int)status} {errorCode}: {errorMessage}")
{
    public HttpStatusCode Status { get; } = status;

    public string ErrorCode { get; } = errorCode;

    public string ErrorMessage { get; } = errorMessage;

    public string Call { get; } = call;

    public bool IsNotFound => Status == HttpStatusCode.NotFound;
}
