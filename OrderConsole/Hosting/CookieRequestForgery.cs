using Microsoft.AspNetCore.Antiforgery;

namespace OrderConsole.Hosting;

/// <summary>
/// Cross-site request forgery checks for callers who come with the console's cookie (a browser sends it to
/// every request, whoever's page made it): a state-changing <c>/api/*</c> call needs the antiforgery token in the
/// <c>RequestVerificationToken</c> header (from <c>GET /api/auth/antiforgery</c>), and the live connections
/// (<c>/ws</c>, <c>/api/events/stream</c>, the circuit hub <c>/_blazor</c>, the orders hub <c>/hubs/orders</c>) need an <c>Origin</c> of this console.
/// Bearer callers are not at risk (no browser adds their token by itself) and are not checked.
/// </summary>
public static class CookieRequestForgery
{
    /// <summary>The header a cookie caller's API writes carry the antiforgery token in.</summary>
    public const string TokenHeader = "RequestVerificationToken";

    private static readonly string[] s_liveConnections = ["/ws", "/api/events/stream", "/_blazor", "/hubs/orders"];

    public static IApplicationBuilder UseCookieRequestForgeryChecks(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.Request.Headers.Authorization.Count == 0 && await RefusalAsync(context) is { } detail)
        {
            await TypedResults.Problem(detail, statusCode: StatusCodes.Status403Forbidden, title: "Cross-site request refused").ExecuteAsync(context);
            return;
        }

        await next(context);
    });

    private static async Task<string?> RefusalAsync(HttpContext context)
    {
        var request = context.Request;
        if (s_liveConnections.Any(path => request.Path.StartsWithSegments(path, StringComparison.OrdinalIgnoreCase))
            && request.Headers.Cookie.Count > 0 && request.Headers.Origin is [{ } origin] && !IsOwnOrigin(context, origin))
        {
            return $"this connection was opened by a page of {origin}, not of this console; open it from the console's own pages";
        }

        var writes = !HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method) && !HttpMethods.IsOptions(request.Method);
        if (writes && context.User.Identity?.IsAuthenticated == true
            && request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
            && !request.Path.StartsWithSegments("/api/auth/login", StringComparison.OrdinalIgnoreCase)
            && !await context.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(context))
        {
            return $"API changes made with the sign-in cookie need the antiforgery token in the {TokenHeader} header " +
                "(GET /api/auth/antiforgery gives it); integrations use a bearer token from POST /api/auth/login instead";
        }

        return null;
    }

    /// <summary>Whether <paramref name="origin"/> is this console as the request reached it, or one of <c>Security:AllowedOrigins</c>.</summary>
    private static bool IsOwnOrigin(HttpContext context, string origin)
    {
        if (!Uri.TryCreate(origin, UriKind.Absolute, out var parsed))
        {
            return false;
        }

        // Behind a proxy that ends TLS the scheme differs; the host the browser asked for is what must match.
        if (string.Equals(parsed.Authority, context.Request.Host.Value, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var allowed = context.RequestServices.GetRequiredService<IConfiguration>().GetSection("Security:AllowedOrigins").Get<string[]>() ?? [];
        return allowed.Any(entry => string.Equals(entry.TrimEnd('/'), origin.TrimEnd('/'), StringComparison.OrdinalIgnoreCase));
    }
}
