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

    /// <summary>
    /// The sort key of "most recently changed first": microseconds since the epoch, exact in a double, so
    /// every adapter orders the same way (ties broken by the id's text, descending).
    /// </summary>
    public static long ChangeScore(Order order) => (order.UpdatedAt.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10;

    /// <summary>Orders newest change first, ties by id text descending: the order every listing uses.</summary>
    public static IEnumerable<Order> NewestFirst(IEnumerable<Order> orders) =>
        orders.OrderByDescending(ChangeScore).ThenByDescending(order => order.Id.ToString(), StringComparer.Ordinal);

    public bool Matches(Order order) =>
        (Statuses is null || Statuses.Contains(order.Status))
        && (SupplierId is null || SupplierId == order.SupplierId);
}
