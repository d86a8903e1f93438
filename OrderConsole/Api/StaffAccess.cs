using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using OrderConsole.Accounts;

namespace OrderConsole.Api;

/// <summary>Who may call staff endpoints: signed in with the console cookie or a bearer token, in the given roles.</summary>
public static class StaffAccess
{
    public static readonly string Schemes = $"{IdentityConstants.ApplicationScheme},{RevocableBearer.SchemeName}";

    public static TBuilder RequireStaff<TBuilder>(this TBuilder endpoint, params string[] roles)
        where TBuilder : IEndpointConventionBuilder =>
        endpoint.RequireAuthorization(new AuthorizeAttribute { AuthenticationSchemes = Schemes, Roles = string.Join(',', roles.Append(ConsoleRoles.Admin)) });
}
