using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CredSync.LocalOrg;

/// <summary>Builds the web application: Kestrel on 127.0.0.1, middleware and endpoints.</summary>
internal static class LocalOrgApp
{
    private const long MaxRequestBodyBytes = 1024 * 1024;

    public static WebApplication Build(
        LocalOrgOptions options,
        OrgStore store,
        ApiVersion newest,
        RequestLog log,
        LocalOrgFaults faults)
    {
        // The empty builder reads no appsettings.json, no environment variables and no command
        // line, and adds no logging provider, so nothing from the CLI's surroundings leaks in
        // and nothing is written to stdout.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(LocalOrgApp).Assembly.GetName().Name,
        });

        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = MaxRequestBodyBytes;
            kestrel.Listen(IPAddress.Loopback, options.Port);
        });
        builder.Services.AddRoutingCore();
        builder.Services.AddSingleton<IHostLifetime, EmbeddedHostLifetime>();
        if (options.LoggerFactory is { } loggerFactory)
        {
            builder.Services.AddSingleton(loggerFactory);
        }

        var app = builder.Build();
        var logger = options.LoggerFactory?.CreateLogger("CredSync.LocalOrg") ?? NullLogger.Instance;
        var gate = new ApiGate(options, store, newest, faults);
        var dispatcher = new ApiDispatcher(faults);

        app.Use(new RequestRecorder(log, logger).InvokeAsync);
        app.UseRouting();
        app.Use(gate.InvokeAsync);

        var versions = DiscoveryEndpoints.Versions(newest);
        app.MapGet(LocalOrgRoutes.Versions, http => WriteAsync(http, versions));
        app.MapGet(LocalOrgRoutes.UserInfo, http => UserInfoAsync(http, store, newest));

        var resources = DiscoveryEndpoints.Resources
            .Concat(ExternalCredentialEndpoints.Resources)
            .Concat(NamedCredentialEndpoints.Resources)
            .Concat(CredentialEndpoints.Resources);
        foreach (var resource in resources)
        {
            app.Map(resource.Template, dispatcher.For(resource));
        }

        return app;
    }

    private static Task WriteAsync(HttpContext http, System.Text.Json.Nodes.JsonNode body)
    {
        return ApiResponse.Ok(body).WriteAsync(http);
    }

    /// <summary>The user info; it needs the token but is not part of the counted REST API.</summary>
    private static async Task UserInfoAsync(HttpContext http, OrgStore store, ApiVersion newest)
    {
        OrgFile org;
        try
        {
            using var session = await store.OpenAsync(http.RequestAborted);
            org = session.Org;
        }
        catch (ApiException error)
        {
            await ApiResponse.Error(error).WriteAsync(http);
            return;
        }

        if (!BearerToken.Matches(http.Request, org.AccessToken))
        {
            // The OAuth endpoints answer a bad token in plain text, not with an error array.
            http.Response.StatusCode = StatusCodes.Status403Forbidden;
            http.Response.ContentType = "text/plain;charset=UTF-8";
            await http.Response.WriteAsync("Bad_OAuth_Token", http.RequestAborted);
            return;
        }

        var instance = new Uri($"{http.Request.Scheme}://{http.Request.Host}");
        await WriteAsync(http, DiscoveryEndpoints.UserInfo(org, instance, newest));
    }
}
