using OrderConsole.Core.Orders;

namespace OrderConsole.Accounts;

/// <summary>Role names as they appear in claims and <c>[Authorize(Roles = …)]</c>: the lower-case <see cref="Role"/> names.</summary>
public static class ConsoleRoles
{
    public const string Admin = "admin";
    public const string Supplier = "supplier";
    public const string Customer = "customer";
    public const string Dispatcher = "dispatcher";
    public const string Driver = "driver";

    /// <summary>The claim that carries a supplier user's supplier id.</summary>
    public const string SupplierIdClaim = "supplier_id";

    /// <summary>The claim that carries a driver user's driver id.</summary>
    public const string DriverIdClaim = "driver_id";

    public static string Name(Role role) => role.ToString().ToLowerInvariant();

    public static bool TryParse(string? name, out Role role) =>
        Enum.TryParse(name, ignoreCase: true, out role) && Enum.IsDefined(role);

    public static Role Parse(string name) =>
        TryParse(name, out var role) ? role : throw new ArgumentException($"there is no role \"{name}\"", nameof(name));
}
