using OrderConsole.Core.Orders;

namespace OrderConsole.Core.Storage;

/// <summary>A filter over orders: by status and supplier, newest change first, paged by <see cref="Limit"/>.</summary>
public sealed record OrderQuery
{
    public IReadOnlyCollection<OrderStatus>? Statuses { get; init; }
    public string? SupplierId { get; init; }
    public int Limit { get; init; } = 100;

    /// <summary>Skip this many matching orders (the cursor of the previous page).</summary>
    public int Offset { get; init; }

    public bool Matches(Order order) =>
        (Statuses is null || Statuses.Contains(order.Status))
        && (SupplierId is null || SupplierId == order.SupplierId);
}
