using OrderConsole.Core.Orders;

namespace OrderConsole.Core.Service;

/// <summary>What one row of a bulk action came to: the order as it now is, or why it was left as it was.</summary>
public sealed record BulkOutcome(Guid OrderId, Order? Order, Exception? Refusal)
{
    public bool Done => Order is not null;
}
