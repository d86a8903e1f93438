using OrderConsole.Core.Orders;

namespace OrderConsole.Core.Users;

/// <summary>
/// A person who signs in to the console: their roles, the supplier or driver they are bound to, and what
/// ASP.NET Core Identity keeps about them. Mutable, because Identity's user-store contract changes a user
/// in place and then asks the store to save it; stores hand out copies.
/// </summary>
public sealed class ConsoleUser
{
    public string Id { get; set; } = Guid.NewGuid().ToString("N");
    public string UserName { get; set; } = string.Empty;
    public string NormalizedUserName { get; set; } = string.Empty;
    public string? DisplayName { get; set; }
    public string? PasswordHash { get; set; }
    public string SecurityStamp { get; set; } = Guid.NewGuid().ToString("N");

    /// <summary>Changes on every save; a save with a stale stamp is refused.</summary>
    public string ConcurrencyStamp { get; set; } = Guid.NewGuid().ToString("N");
    public List<Role> Roles { get; set; } = [];

    /// <summary>The supplier whose orders a supplier user works on.</summary>
    public string? SupplierId { get; set; }

    /// <summary>The driver a driver user is.</summary>
    public string? DriverId { get; set; }

    /// <summary>A disabled user cannot sign in, and their existing sessions end.</summary>
    public bool IsDisabled { get; set; }
    public bool LockoutEnabled { get; set; } = true;
    public DateTimeOffset? LockoutEnd { get; set; }
    public int AccessFailedCount { get; set; }

    public ConsoleUser Copy()
    {
        var copy = (ConsoleUser)MemberwiseClone();
        copy.Roles = [.. Roles];
        return copy;
    }
}
