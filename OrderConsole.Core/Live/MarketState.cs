using System.Text.Json.Serialization;
using OrderConsole.Core.Drivers;
using OrderConsole.Core.Orders;

namespace OrderConsole.Core.Live;

/// <summary>
/// The marketplace at a glance (<c>GET /api/state</c>): totals, a count per status, the open orders of each status
/// (newest change first, capped per status), the drivers on a delivery, the drivers on shift, and when the newest
/// change happened.
/// </summary>
public sealed record MarketState
{
    public const int DefaultOrdersPerStatus = 50;
    public const int MaxOrdersPerStatus = 500;

    public required MarketStatistics Statistics { get; init; }
    public required IReadOnlyDictionary<OrderStatus, IReadOnlyList<Order>> OrdersByStatus { get; init; }

    /// <summary>The seed's list: one entry per driver on an active delivery, first dispatched first.</summary>
    public required IReadOnlyList<ActiveDriver> ActiveDrivers { get; init; }

    /// <summary>Every driver who is not offline, with their own status and position.</summary>
    public required IReadOnlyList<Driver> DriversOnShift { get; init; }
    public required DateTimeOffset LastUpdated { get; init; }

    /// <summary>
    /// The state from exact <paramref name="counts"/> (the store's; the read model keeps only recent finished orders)
    /// and the read model's <paramref name="orders"/>, listing at most <paramref name="ordersPerStatus"/> per status;
    /// "completed today" counts from <paramref name="startOfDay"/> (the settings' time zone; UTC midnight when not given).
    /// </summary>
    public static MarketState Compute(
        IReadOnlyDictionary<OrderStatus, long> counts, IEnumerable<Order> orders, IEnumerable<Driver> drivers,
        DateTimeOffset now, DateTimeOffset? lastChange, bool includeCompleted, int ordersPerStatus, DateTimeOffset? startOfDay = null)
    {
        var all = orders.ToList();
        startOfDay ??= new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero);
        var shown = all.Where(order => includeCompleted || !order.Status.IsFinal()).ToList();
        var byStatus = OrderStatusNames.All
            .Where(status => includeCompleted || !status.IsFinal())
            .ToDictionary(
                status => status,
                status => (IReadOnlyList<Order>)[.. Orders(shown, status).Take(ordersPerStatus)]);

        return new MarketState
        {
            Statistics = MarketStatistics.From(counts, all.Count(order => order.DeliveredAt >= startOfDay)),
            OrdersByStatus = byStatus,
            ActiveDrivers = [.. all.Where(order => order.DriverId is not null && order.Status is OrderStatus.Dispatched or OrderStatus.InTransit)
                .OrderBy(order => order.DispatchedAt)
                .Select(ActiveDriver.On)],
            DriversOnShift = [.. drivers.Where(driver => driver.Status != DriverStatus.Offline)],
            LastUpdated = lastChange ?? now,
        };
    }

    private static IEnumerable<Order> Orders(IEnumerable<Order> orders, OrderStatus status) =>
        Storage.OrderQuery.NewestFirst(orders.Where(order => order.Status == status));
}

/// <summary>A driver on an active delivery, as the seed names it: <c>status</c> is the order's.</summary>
public sealed record ActiveDriver
{
    public required string DriverId { get; init; }

    // Seed clients read these keys unconditionally: they are written even when unknown.
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? DriverName { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? DriverPhone { get; init; }
    public required Guid OrderId { get; init; }
    public required string SupplierTrackingId { get; init; }
    public required OrderStatus Status { get; init; }
    public DateTimeOffset? DispatchedAt { get; init; }
    public DateTimeOffset? InTransitAt { get; init; }

    public static ActiveDriver On(Order order) => new()
    {
        DriverId = order.DriverId ?? throw new ArgumentException("the order has no driver", nameof(order)),
        DriverName = order.DriverName,
        DriverPhone = order.DriverPhone,
        OrderId = order.Id,
        SupplierTrackingId = order.SupplierTrackingId,
        Status = order.Status,
        DispatchedAt = order.DispatchedAt,
        InTransitAt = order.InTransitAt,
    };
}
