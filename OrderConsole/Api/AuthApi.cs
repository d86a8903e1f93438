using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using OrderConsole.Accounts;
using OrderConsole.Core.Users;

namespace OrderConsole.Api;

/// <summary>
/// <c>POST /api/auth/login</c>: API clients trade a user name and password for a bearer token. The same Identity
/// checks as the sign-in page apply (password hash, lockout, disabled accounts); the token is the platform's
/// bearer token, protected by the data-protection keys every instance shares.
/// </summary>
public static class AuthApi
{
    public static IEndpointRouteBuilder MapAuthApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/auth/login", Login)
            .AllowAnonymous()
            .WithName("Login")
            .WithSummary("Signs an API client in: a bearer token for the Authorization header")
            .WithTags("Authentication")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        endpoints.MapGet("/api/auth/antiforgery", Antiforgery)
            .RequireAuthorization(new AuthorizeAttribute { AuthenticationSchemes = IdentityConstants.ApplicationScheme })
            .WithName("AntiforgeryToken")
            .WithSummary("For callers signed in with the console cookie: the token their API changes carry in the RequestVerificationToken header")
            .WithTags("Authentication")
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        return endpoints;
    }

    public static Ok<AntiforgeryGrant> Antiforgery(HttpContext context, IAntiforgery antiforgery) =>
        TypedResults.Ok(new AntiforgeryGrant(Hosting.CookieRequestForgery.TokenHeader, antiforgery.GetAndStoreTokens(context).RequestToken!));

    public static async Task<Results<Ok<IssuedToken>, ProblemHttpResult>> Login(
        LoginRequest request, HttpContext context, SignInManager<ConsoleUser> signIn, PasswordCheck passwords, SignInGuard guard,
        IOptionsMonitor<BearerTokenOptions> bearer, TimeProvider clock)
    {
        if (string.IsNullOrWhiteSpace(request.Username) || string.IsNullOrEmpty(request.Password))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The request is not valid", detail: "give both username and password");
        }

        var userName = request.Username.Trim();
        var client = OrderConsole.Hosting.ClientAddress.Of(context);
        if (guard.Admit(client, userName) is { } wait)
        {
            var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
            context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return TypedResults.Problem(
                statusCode: StatusCodes.Status429TooManyRequests, title: "Too many sign-in attempts",
                detail: $"too many sign-in attempts from this address or for this account; try again in {seconds} s");
        }

        var (user, outcome) = await passwords.CheckAsync(userName, request.Password);
        if (user is null)
        {
            guard.Failed(client, userName);
            // One answer for an unknown name and a wrong password, so names cannot be probed.
            var detail = outcome.IsLockedOut
                ? "this account is locked or disabled; try again later or ask an administrator"
                : "the user name or password is wrong";
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in failed", detail: detail);
        }

        guard.Succeeded(client, userName);

        var options = bearer.Get(IdentityConstants.BearerScheme);
        var principal = await signIn.CreateUserPrincipalAsync(user);
        var issued = clock.GetUtcNow();
        var properties = new AuthenticationProperties { IssuedUtc = issued, ExpiresUtc = issued + options.BearerTokenExpiration };
        var token = options.BearerTokenProtector.Protect(new AuthenticationTicket(principal, properties, IdentityConstants.BearerScheme));
        return TypedResults.Ok(new IssuedToken(token, "Bearer", (long)options.BearerTokenExpiration.TotalSeconds));
    }
}

/// <summary>The antiforgery token for this cookie session, and the header to send it in.</summary>
public sealed record AntiforgeryGrant(string HeaderName, string Token);

/// <summary>The credentials of <c>POST /api/auth/login</c>.</summary>
public sealed record LoginRequest(string? Username, string? Password);

/// <summary>A bearer token for the <c>Authorization</c> header and how many seconds it lasts.</summary>
public sealed record IssuedToken(string AccessToken, string TokenType, long ExpiresIn);
