using OrderConsole.Core.Drivers;
using OrderConsole.Core.Orders;

namespace OrderConsole.Core.Live;

/// <summary>
/// The marketplace at a glance (<c>GET /api/state</c>): totals, a count per status, the open orders of each status
/// (newest change first, capped per status), the drivers on shift, and when the newest change happened.
/// </summary>
public sealed record MarketState
{
    public const int DefaultOrdersPerStatus = 50;
    public const int MaxOrdersPerStatus = 500;

    public required MarketStatistics Statistics { get; init; }
    public required IReadOnlyDictionary<OrderStatus, IReadOnlyList<Order>> OrdersByStatus { get; init; }
    public required IReadOnlyList<Driver> ActiveDrivers { get; init; }
    public required DateTimeOffset LastUpdated { get; init; }

    /// <summary>
    /// The state from exact <paramref name="counts"/> (the store's; the read model keeps only recent finished orders)
    /// and the read model's <paramref name="orders"/>, listing at most <paramref name="ordersPerStatus"/> per status.
    /// </summary>
    public static MarketState Compute(
        IReadOnlyDictionary<OrderStatus, long> counts, IEnumerable<Order> orders, IEnumerable<Driver> drivers,
        DateTimeOffset now, DateTimeOffset? lastChange, bool includeCompleted, int ordersPerStatus)
    {
        var startOfDay = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero);
        var shown = orders.Where(order => includeCompleted || !order.Status.IsFinal()).ToList();
        var byStatus = OrderStatusNames.All
            .Where(status => includeCompleted || !status.IsFinal())
            .ToDictionary(
                status => status,
                status => (IReadOnlyList<Order>)[.. Orders(shown, status).Take(ordersPerStatus)]);

        return new MarketState
        {
            Statistics = new MarketStatistics
            {
                TotalOrders = counts.Values.Sum(),
                ActiveDeliveries = counts.GetValueOrDefault(OrderStatus.Dispatched) + counts.GetValueOrDefault(OrderStatus.InTransit),
                CompletedToday = orders.Count(order => order.DeliveredAt >= startOfDay),
                ByStatus = OrderStatusNames.All.ToDictionary(status => status, counts.GetValueOrDefault),
            },
            OrdersByStatus = byStatus,
            ActiveDrivers = [.. drivers.Where(driver => driver.Status != DriverStatus.Offline)],
            LastUpdated = lastChange ?? now,
        };
    }

    private static IEnumerable<Order> Orders(IEnumerable<Order> orders, OrderStatus status) =>
        Storage.OrderQuery.NewestFirst(orders.Where(order => order.Status == status));
}

/// <summary>The totals of <see cref="MarketState"/>; <see cref="ByStatus"/> has every status, zeros included.</summary>
public sealed record MarketStatistics
{
    public required long TotalOrders { get; init; }
    public required long ActiveDeliveries { get; init; }
    public required int CompletedToday { get; init; }
    public required IReadOnlyDictionary<OrderStatus, long> ByStatus { get; init; }
}
