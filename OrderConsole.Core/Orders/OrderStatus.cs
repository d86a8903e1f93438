namespace OrderConsole.Core.Orders;

/// <summary>Where an order is in its lifecycle; wire names are snake_case (<c>pending_supplier</c> … <c>cancelled</c>).</summary>
public enum OrderStatus
{
    PendingSupplier,
    SupplierAccepted,
    SupplierRejected,
    CustomerAccepted,
    Preparing,
    Ready,
    Dispatched,
    InTransit,
    Delivered,
    Cancelled,
}
