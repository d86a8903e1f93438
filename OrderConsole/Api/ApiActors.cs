using System.Security.Claims;
using OrderConsole.Accounts;
using OrderConsole.Core.Orders;

namespace OrderConsole.Api;

/// <summary>
/// Turns an API caller into the <see cref="Actor"/> the order service checks. A console page knows its desk; an
/// API call names the desks that may make it, and the caller acts at the first one they hold (admins as admin).
/// </summary>
public static class ApiActors
{
    /// <summary>The desks in the order a caller holding several roles reads orders from: the widest view first.</summary>
    private static readonly Role[] s_readingDesks = [Role.Dispatcher, Role.Supplier, Role.Driver, Role.Customer];

    /// <summary>The caller acting at the first of <paramref name="desks"/> they hold; 403 (as a domain error) when none.</summary>
    public static Actor AtOneOf(ClaimsPrincipal user, params Role[] desks) =>
        desks.Select(desk => user.At(desk)).FirstOrDefault(actor => actor is not null)
        ?? throw new ForbiddenOrderActionException(
            $"this needs one of the roles {string.Join(", ", desks.Select(ConsoleRoles.Name))} (or admin)");

    /// <summary>The caller as a reader of orders: what they may see follows from the role picked here.</summary>
    public static Actor Reader(ClaimsPrincipal user) => AtOneOf(user, s_readingDesks);
}
