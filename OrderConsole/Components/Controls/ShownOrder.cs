using OrderConsole.Core.Orders;

namespace OrderConsole.Components.Controls;

/// <summary>
/// The order a page's drawer shows, kept by id: after every change the page looks it up again, so the drawer shows the
/// order as the read model has it now, and nothing once the page may no longer show it.
/// </summary>
public sealed class ShownOrder
{
    // Given when the drawer opens, so following a change (every refresh of every open page) allocates nothing.
    private Func<Guid, Order?>? _find;

    public Guid? Id { get; private set; }

    public Order? Order { get; private set; }

    /// <summary>Opens the drawer on an order; <paramref name="find"/> answers null for an order the page may not show.</summary>
    public void Show(Guid orderId, Func<Guid, Order?> find)
    {
        (Id, _find) = (orderId, find);
        Follow();
    }

    public void Hide() => (Id, Order, _find) = (null, null, null);

    /// <summary>Looks the shown order up again.</summary>
    public void Follow() => Order = Id is { } id && _find is { } find ? find(id) : null;
}
