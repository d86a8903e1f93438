using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using OrderConsole.Core.Users;

namespace OrderConsole.Accounts;

/// <summary>Puts a user's roles and supplier or driver binding into their sign-in, so every request can be authorized without a store read.</summary>
public sealed class ConsoleClaimsFactory(UserManager<ConsoleUser> users, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<ConsoleUser>(users, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(ConsoleUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        foreach (var role in user.Roles)
        {
            identity.AddClaim(new Claim(Options.ClaimsIdentity.RoleClaimType, ConsoleRoles.Name(role)));
        }

        if (user.SupplierId is { } supplierId)
        {
            identity.AddClaim(new Claim(ConsoleRoles.SupplierIdClaim, supplierId));
        }

        if (user.DriverId is { } driverId)
        {
            identity.AddClaim(new Claim(ConsoleRoles.DriverIdClaim, driverId));
        }

        return identity;
    }
}
