namespace CredSync.LocalOrg;

/// <summary>Handles one method of one resource.</summary>
internal delegate Task<ApiResponse> ApiHandler(ApiRequest request);

/// <summary>One HTTP method of a resource and the API version it appeared in.</summary>
internal sealed record ApiOperation(string Method, int SinceVersion, ApiHandler Handler);
