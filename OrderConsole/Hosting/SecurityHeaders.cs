namespace OrderConsole.Hosting;

/// <summary>
/// The headers every answer carries: a content security policy that allows scripts only from this origin (no
/// inline script, no eval: Blazor Server needs neither), <c>nosniff</c>, no referrer beyond this origin, and
/// framing only by this origin — never for the public tracking link, whose page must not be framed by anyone.
/// Images may also come from the configured map tile server (<see cref="MapSettings.TileSource"/>), and from nowhere else.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>
    /// <c>style-src 'unsafe-inline'</c>: MudBlazor's components and theme set <c>style</c> attributes (widths, positions, colours
    /// of charts), which a stricter policy would strip. Styles cannot run code; scripts stay locked to 'self'.
    /// <c>connect-src 'self'</c> covers the circuit's WebSocket and the tracking page's event stream.
    /// </summary>
    public static string PolicyFor(MapSettings map) =>
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; " +
        $"img-src 'self' data:{(map.TileSource is { } tiles ? " " + tiles : string.Empty)}; font-src 'self' data:; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors ";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app)
    {
        var policy = PolicyFor(app.ApplicationServices.GetRequiredService<MapSettings>());
        return app.Use((context, next) => WithHeaders(context, next, policy));
    }

    private static Task WithHeaders(HttpContext context, RequestDelegate next, string policy)
    {
        var publicLink = context.Request.Path.StartsWithSegments("/track", StringComparison.OrdinalIgnoreCase);
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = policy + (publicLink ? "'none'" : "'self'");
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = publicLink ? "DENY" : "SAMEORIGIN";
            headers["Referrer-Policy"] = publicLink ? "no-referrer" : "same-origin";
            return Task.CompletedTask;
        });
        return next(context);
    }
}
