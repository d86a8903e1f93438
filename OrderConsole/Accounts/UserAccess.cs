using OrderConsole.Core.Orders;

namespace OrderConsole.Accounts;

/// <summary>What a user may do: their roles, and the supplier or driver a supplier or driver user is bound to.</summary>
public sealed record UserAccess(IReadOnlyCollection<Role> Roles, string? SupplierId = null, string? DriverId = null);

/// <summary>A user an admin asks for: user name, initial password and access.</summary>
public sealed record NewUser(string? UserName, string? Password, UserAccess Access);

/// <summary>One user as the administration list shows them.</summary>
public sealed record AccountSummary(
    string Id,
    string UserName,
    IReadOnlyList<Role> Roles,
    string? SupplierId,
    string? DriverId,
    bool IsDisabled,
    DateTimeOffset? LockedUntil);
