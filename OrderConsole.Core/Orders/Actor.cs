namespace OrderConsole.Core.Orders;

/// <summary>Who makes a change: a named person in a role, bound to a supplier or a driver where the role needs one.</summary>
public sealed record Actor(string Name, Role Role, string? SupplierId = null, string? DriverId = null)
{
    /// <summary>The console itself (demo seeding, maintenance): acts with admin rights.</summary>
    public static Actor System { get; } = new("system", Role.Admin);
}
