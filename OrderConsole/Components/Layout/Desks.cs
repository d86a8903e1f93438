using System.Security.Claims;
using MudBlazor;
using OrderConsole.Accounts;

namespace OrderConsole.Components.Layout;

/// <summary>One desk of the console: its page, its name and the roles that may work there (admins everywhere).</summary>
public sealed record Desk(string Title, string Href, string Icon, params string[] Roles)
{
    public bool IsOpenTo(ClaimsPrincipal user) => user.IsInRole(ConsoleRoles.Admin) || Roles.Any(user.IsInRole);
}

/// <summary>Every desk in navigation order, and which one a person lands on after signing in.</summary>
public static class Desks
{
    public static IReadOnlyList<Desk> All { get; } =
    [
        new("Dashboard", "/dashboard", Icons.Material.Filled.Dashboard),
        new("Supplier", "/supplier", Icons.Material.Filled.Storefront, ConsoleRoles.Supplier),
        new("Customer", "/customer", Icons.Material.Filled.ShoppingCart, ConsoleRoles.Customer),
        new("Dispatch", "/dispatch", Icons.Material.Filled.Send, ConsoleRoles.Dispatcher),
        new("All orders", "/orders", Icons.Material.Filled.ListAlt, ConsoleRoles.Dispatcher),
        new("Driver", "/driver", Icons.Material.Filled.LocalShipping, ConsoleRoles.Driver),
        new("Suppliers", "/admin/suppliers", Icons.Material.Filled.Store),
        new("Drivers", "/admin/drivers", Icons.Material.Filled.DirectionsBike),
        new("Users", "/admin/users", Icons.Material.Filled.People),
        new("Settings", "/admin/settings", Icons.Material.Filled.Settings),
        new("Webhooks", "/admin/webhooks", Icons.Material.Filled.Webhook),
    ];

    /// <summary>
    /// The page a person starts at: an admin the dashboard, everyone else the desk of their role (a person with
    /// several roles the first of dispatch, supplier, customer, driver); null for an account with no role yet.
    /// </summary>
    public static string? HomeOf(ClaimsPrincipal user)
    {
        if (user.IsInRole(ConsoleRoles.Admin))
        {
            return "/dashboard";
        }

        (string Role, string Href)[] homes =
        [
            (ConsoleRoles.Dispatcher, "/dispatch"),
            (ConsoleRoles.Supplier, "/supplier"),
            (ConsoleRoles.Customer, "/customer"),
            (ConsoleRoles.Driver, "/driver"),
        ];
        return homes.FirstOrDefault(home => user.IsInRole(home.Role)).Href;
    }
}
