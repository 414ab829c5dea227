using System.Net;
using System.Text;

namespace CredSync.Salesforce.Tests.Support;

/// <summary>An HTTP handler that answers from a function and keeps every request body it saw.</summary>
internal sealed class StubHandler(Func<HttpRequestMessage, string?, HttpResponseMessage> answer) : HttpMessageHandler
{
    public List<(HttpRequestMessage Request, string? Body)> Seen { get; } = [];

    public static HttpResponseMessage Respond(HttpStatusCode status, string body,
        string mediaType = "application/json") =>
        new(status) { Content = new StringContent(body, Encoding.UTF8, mediaType) };

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request,
        CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        Seen.Add((request, body));

        return answer(request, body);
    }
}
