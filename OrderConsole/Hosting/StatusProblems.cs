using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;
using OrderConsole.Accounts;

namespace OrderConsole.Hosting;

/// <summary>
/// Gives the machine-facing endpoints' bodiless refusals (401, 403, 404, 405, 413, 415 from authentication,
/// authorization, routing and body reading) a problem-details body whose <c>detail</c> says what to do.
/// Pages keep their own answers.
/// </summary>
public static class StatusProblems
{
    private static readonly string[] s_machinePaths = ["/api", "/ws", "/openapi", "/hubs", "/account/logout"];

    public static IApplicationBuilder UseStatusProblems(this IApplicationBuilder app) => app.UseStatusCodePages(async pages =>
    {
        var context = pages.HttpContext;
        var path = context.Request.Path;
        var machine = s_machinePaths.Any(prefix => path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase))
            || (path.StartsWithSegments("/track", StringComparison.OrdinalIgnoreCase) && path.Value!.EndsWith("/events", StringComparison.OrdinalIgnoreCase));
        if (!machine || Describe(context) is not { } problem)
        {
            return;
        }

        await TypedResults.Problem(problem.Detail, statusCode: context.Response.StatusCode, title: problem.Title).ExecuteAsync(context);
    });

    private static (string Title, string Detail)? Describe(HttpContext context) => context.Response.StatusCode switch
    {
        StatusCodes.Status401Unauthorized => ("Not signed in", context.Items[RevocableBearer.RevokedItem] as string
            ?? (context.Request.Headers.Authorization.Count > 0
                ? "the bearer token is missing, malformed or expired; get a new one from POST /api/auth/login"
                : "sign in first: send Authorization: Bearer <access_token> from POST /api/auth/login, or the console's sign-in cookie")),
        StatusCodes.Status403Forbidden => ("Not allowed", ForbiddenDetail(context)),
        StatusCodes.Status404NotFound => ("Not found", $"nothing is at {context.Request.Path}; check the address (tracking links are case-sensitive)"),
        StatusCodes.Status405MethodNotAllowed => ("Method not allowed", $"{context.Request.Method} is not accepted at {context.Request.Path}"),
        StatusCodes.Status413PayloadTooLarge => ("Request too large", TooLargeDetail(context)),
        StatusCodes.Status415UnsupportedMediaType => ("Unsupported media type",
            $"a body of type \"{context.Request.ContentType}\" is not accepted here; send JSON with Content-Type: application/json"),
        _ => null,
    };

    private static string ForbiddenDetail(HttpContext context)
    {
        var needed = context.GetEndpoint()?.Metadata.GetOrderedMetadata<IAuthorizeData>()
            .SelectMany(rule => (rule.Roles ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Distinct().ToArray() ?? [];
        var held = context.User.FindAll(ClaimTypes.Role).Select(claim => claim.Value).ToArray();
        var yours = held.Length == 0 ? "no role" : $"the role{(held.Length == 1 ? "" : "s")} {string.Join(", ", held)}";
        return needed.Length == 0
            ? $"you are signed in with {yours}, which may not do this"
            : $"this needs one of the roles {string.Join(", ", needed)}; you are signed in with {yours}";
    }

    private static string TooLargeDetail(HttpContext context)
    {
        var limit = context.RequestServices.GetService<IOptions<KestrelServerOptions>>()?.Value.Limits.MaxRequestBodySize;
        return limit is { } bytes
            ? $"the request body is larger than the {bytes.ToString("N0", CultureInfo.InvariantCulture)} bytes this console accepts; send less"
            : "the request body is larger than this console accepts; send less";
    }
}
