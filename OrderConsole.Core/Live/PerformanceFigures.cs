using OrderConsole.Core.Drivers;
using OrderConsole.Core.Orders;

namespace OrderConsole.Core.Live;

/// <summary>
/// How the marketplace performs, from what the read model holds (every open order and the recent finished
/// ones): orders by status, delivery times, the on-time rate, figures per supplier and per driver, and customers' feedback.
/// </summary>
public sealed record PerformanceFigures(
    IReadOnlyDictionary<OrderStatus, int> OrdersByStatus,
    double? AverageDeliveryTimeSeconds,
    double? P95DeliveryTimeSeconds,
    double? OnTimeRate,
    IReadOnlyList<SupplierPerformance> Suppliers,
    IReadOnlyList<DriverPerformance> Drivers,
    DateTimeOffset ComputedAt)
{
    /// <summary>Customers' ratings and latest comments.</summary>
    public FeedbackFigures Feedback { get; init; } = new(0, null, []);

    /// <summary>Delivered orders that arrived after their estimated arrival, out of those that had one; null with none.</summary>
    public double? LateRate { get; init; }

    /// <summary>Open orders the SLA watcher flagged at risk and not (yet) late.</summary>
    public int AtRiskOrders { get; init; }

    /// <summary>Open orders the SLA watcher flagged late.</summary>
    public int LateOrders { get; init; }

    public static PerformanceFigures Compute(IReadOnlyCollection<Order> orders, IEnumerable<Supplier> suppliers, IEnumerable<Driver> drivers, DateTimeOffset now)
    {
        var deliveryTimes = orders.Select(DeliverySeconds).OfType<double>().Order().ToList();
        var onTime = DashboardFigures.OnTimeRate(orders);
        return new PerformanceFigures(
            OrderStatusNames.All.ToDictionary(status => status, status => orders.Count(order => order.Status == status)),
            deliveryTimes.Count == 0 ? null : deliveryTimes.Average(),
            Percentile(deliveryTimes, 0.95),
            onTime.Rate,
            [.. suppliers.Select(supplier => SupplierPerformance.Of(supplier, orders.Where(order => order.SupplierId == supplier.Id).ToList()))],
            [.. drivers.Select(driver => DriverPerformance.Of(driver, orders.Where(order => order.DriverId == driver.Id).ToList()))],
            now)
        {
            Feedback = FeedbackFigures.Of(orders),
            LateRate = new Ratio(onTime.Whole - onTime.Part, onTime.Whole).Rate,
            AtRiskOrders = orders.Count(order => !order.Status.IsFinal() && order is { AtRiskAt: not null, LateAt: null }),
            LateOrders = orders.Count(order => !order.Status.IsFinal() && order.LateAt is not null),
        };
    }

    /// <summary>Dispatched → delivered, for delivered orders.</summary>
    public static double? DeliverySeconds(Order order) =>
        order is { Status: OrderStatus.Delivered, DispatchedAt: { } dispatched, DeliveredAt: { } delivered } ? (delivered - dispatched).TotalSeconds : null;

    /// <summary>The nearest-rank percentile of sorted values; null when there are none.</summary>
    public static double? Percentile(IReadOnlyList<double> sorted, double fraction) =>
        sorted.Count == 0 ? null : sorted[Math.Clamp((int)Math.Ceiling(fraction * sorted.Count) - 1, 0, sorted.Count - 1)];
}

/// <summary>A supplier's orders, how many of those they answered they accepted, and how long preparing takes them.</summary>
public sealed record SupplierPerformance(string SupplierId, string SupplierName, int Orders, double? AcceptanceRate, double? AveragePreparationTimeSeconds)
{
    public static SupplierPerformance Of(Supplier supplier, IReadOnlyCollection<Order> orders)
    {
        var answered = orders.Count(order => order.SupplierRespondedAt is not null);
        var rejected = orders.Count(order => order.Status == OrderStatus.SupplierRejected);
        var preparation = orders
            .Where(order => order is { PreparingAt: not null, ReadyAt: not null })
            .Select(order => (order.ReadyAt!.Value - order.PreparingAt!.Value).TotalSeconds)
            .ToList();
        return new SupplierPerformance(
            supplier.Id,
            supplier.Name,
            orders.Count,
            answered == 0 ? null : (double)(answered - rejected) / answered,
            preparation.Count == 0 ? null : preparation.Average());
    }
}

/// <summary>A driver's completed deliveries and their average time from dispatch to the door.</summary>
public sealed record DriverPerformance(string DriverId, string DriverName, int Deliveries, double? AverageDeliveryTimeSeconds)
{
    public static DriverPerformance Of(Driver driver, IReadOnlyCollection<Order> orders)
    {
        var times = orders.Select(PerformanceFigures.DeliverySeconds).OfType<double>().ToList();
        return new DriverPerformance(driver.Id, driver.Name, times.Count, times.Count == 0 ? null : times.Average());
    }
}
