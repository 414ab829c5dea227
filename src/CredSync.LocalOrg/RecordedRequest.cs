namespace CredSync.LocalOrg;

/// <summary>One request the server answered; bodies are never recorded.</summary>
/// <param name="Method">The HTTP method, upper case.</param>
/// <param name="Path">The request path as sent.</param>
/// <param name="Query">The raw query string including its leading '?', or empty.</param>
/// <param name="Template">
/// The route template the request matched (one of <see cref="LocalOrgRoutes"/>), or null when none did.
/// </param>
/// <param name="Status">The HTTP status code of the answer; 0 when the connection was dropped.</param>
public sealed record RecordedRequest(
    string Method,
    string Path,
    string Query,
    string? Template,
    int Status);
