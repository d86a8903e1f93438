using System.Security.Claims;
using OrderConsole.Core.Orders;

namespace OrderConsole.Accounts;

/// <summary>Turns a signed-in person into the <see cref="Actor"/> the order service checks, for the desk they are working at.</summary>
public static class ConsoleActors
{
    /// <summary>
    /// An admin acts as admin everywhere; anyone else acts in <paramref name="desk"/> if they hold that role.
    /// Null when they do not: the caller must refuse, never fall back to a weaker or stronger role.
    /// </summary>
    public static Actor? At(this ClaimsPrincipal user, Role desk)
    {
        var name = user.Identity?.Name;
        if (user.Identity?.IsAuthenticated != true || name is null)
        {
            return null;
        }

        if (user.IsInRole(ConsoleRoles.Admin))
        {
            return new Actor(name, Role.Admin);
        }

        return user.IsInRole(ConsoleRoles.Name(desk))
            ? new Actor(name, desk, user.FindFirstValue(ConsoleRoles.SupplierIdClaim), user.FindFirstValue(ConsoleRoles.DriverIdClaim))
            : null;
    }
}
