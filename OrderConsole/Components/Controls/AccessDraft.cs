using OrderConsole.Accounts;
using OrderConsole.Core.Orders;

namespace OrderConsole.Components.Controls;

/// <summary>The roles and bindings being edited in a form, before they are sent as a <see cref="UserAccess"/>.</summary>
public sealed class AccessDraft
{
    public HashSet<Role> Roles { get; } = [];

    public string? SupplierId { get; set; }

    public string? DriverId { get; set; }

    public static AccessDraft From(AccountSummary user)
    {
        var draft = new AccessDraft { SupplierId = user.SupplierId, DriverId = user.DriverId };
        draft.Roles.UnionWith(user.Roles);
        return draft;
    }

    public void Set(Role role, bool granted)
    {
        if (granted)
        {
            Roles.Add(role);
        }
        else
        {
            Roles.Remove(role);
        }
    }

    /// <summary>A binding goes with its role only, so an unticked role does not leave a stale supplier or driver behind.</summary>
    public UserAccess ToAccess() => new(
        [.. Roles],
        Roles.Contains(Role.Supplier) ? SupplierId : null,
        Roles.Contains(Role.Driver) ? DriverId : null);
}
