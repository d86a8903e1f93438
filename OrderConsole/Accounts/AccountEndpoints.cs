using Microsoft.AspNetCore.Identity;
using OrderConsole.Core.Users;

namespace OrderConsole.Accounts;

/// <summary>Sign-out: a form post (with antiforgery) that ends the cookie session and returns to the sign-in page.</summary>
public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/account/logout", async (SignInManager<ConsoleUser> signIn) =>
        {
            await signIn.SignOutAsync();
            return TypedResults.LocalRedirect("/account/login");
        }).ExcludeFromDescription();
        return endpoints;
    }
}
