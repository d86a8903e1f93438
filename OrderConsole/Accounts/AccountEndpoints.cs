using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using OrderConsole.Core.Users;

namespace OrderConsole.Accounts;

/// <summary>Sign-out: a form post that must carry the page's antiforgery token, ends the cookie session and returns to the sign-in page.</summary>
public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/account/logout", async Task<IResult> (HttpContext context, IAntiforgery antiforgery, SignInManager<ConsoleUser> signIn) =>
        {
            // Without the token any site could sign people out with a hidden form.
            if (!await antiforgery.IsRequestValidAsync(context))
            {
                return TypedResults.Problem(
                    "signing out needs the token of the console's own sign-out button; use the button in the top bar",
                    statusCode: StatusCodes.Status400BadRequest, title: "Sign-out refused");
            }

            await signIn.SignOutAsync();
            return TypedResults.LocalRedirect("/account/login");
        }).ExcludeFromDescription();
        return endpoints;
    }
}
