using Microsoft.AspNetCore.Authentication;
using OrderConsole.Accounts;

namespace OrderConsole.Hosting;

/// <summary>
/// Who may read <c>/docs</c> and <c>/openapi/*</c>: <c>ApiDocs:Access</c> is <c>public</c> (anyone; the default in
/// Development) or <c>staff</c> (signed-in users only, by cookie or bearer token; the default elsewhere).
/// </summary>
public static class ApiDocsAccess
{
    public static IApplicationBuilder UseApiDocsAccess(this IApplicationBuilder app)
    {
        var environment = app.ApplicationServices.GetRequiredService<IHostEnvironment>();
        var setting = app.ApplicationServices.GetRequiredService<IConfiguration>()["ApiDocs:Access"];
        var isPublic = setting is { Length: > 0 }
            ? setting.Trim().ToLowerInvariant() switch
            {
                "public" => true,
                "staff" => false,
                _ => throw new InvalidOperationException($"ApiDocs:Access must be \"public\" or \"staff\"; it says \"{setting}\""),
            }
            : environment.IsDevelopment();
        return isPublic ? app : app.Use(async (context, next) =>
        {
            var path = context.Request.Path;
            if ((path.StartsWithSegments("/docs", StringComparison.OrdinalIgnoreCase) || path.StartsWithSegments("/openapi", StringComparison.OrdinalIgnoreCase))
                && !await IsSignedInAsync(context))
            {
                await TypedResults.Problem(
                    "the API documentation is for signed-in staff; sign in at /account/login or send a bearer token",
                    statusCode: StatusCodes.Status401Unauthorized, title: "Not signed in").ExecuteAsync(context);
                return;
            }

            await next(context);
        });
    }

    private static async Task<bool> IsSignedInAsync(HttpContext context) =>
        context.User.Identity?.IsAuthenticated == true
        || (await context.AuthenticateAsync(RevocableBearer.SchemeName)).Succeeded;
}
