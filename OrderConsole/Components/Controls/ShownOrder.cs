using OrderConsole.Core.Orders;

namespace OrderConsole.Components.Controls;

/// <summary>
/// The order a page's drawer shows, kept by id: after every change the page looks it up again, so the drawer shows the
/// order as the read model has it now, and nothing once the page may no longer show it.
/// </summary>
public sealed class ShownOrder
{
    public Guid? Id { get; private set; }

    public Order? Order { get; private set; }

    public void Show(Guid orderId, Func<Guid, Order?> find)
    {
        Id = orderId;
        Follow(find);
    }

    public void Hide() => (Id, Order) = (null, null);

    /// <summary>Looks the shown order up again; <paramref name="find"/> answers null for an order the page may not show.</summary>
    public void Follow(Func<Guid, Order?> find) => Order = Id is { } id ? find(id) : null;
}
