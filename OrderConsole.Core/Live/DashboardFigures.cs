using OrderConsole.Core.Drivers;
using OrderConsole.Core.Orders;

namespace OrderConsole.Core.Live;

/// <summary>
/// The live dashboard's aggregates, computed from the orders and drivers the read model holds at one moment:
/// counts by status, deliveries under way, orders and delivery times per hour, on-time rate and driver
/// utilization. Pure: the same input and <c>now</c> give the same figures.
/// </summary>
public sealed record DashboardFigures
{
    /// <summary>How many hours the per-hour figures cover, the current (partial) hour included.</summary>
    public const int DefaultHours = 12;

    /// <summary>Every status, in lifecycle order, with how many orders stand in it (zero included).</summary>
    public required IReadOnlyList<StatusCount> CountsByStatus { get; init; }

    /// <summary>Orders dispatched or in transit, longest on the road first, each with its driver when known.</summary>
    public required IReadOnlyList<ActiveDelivery> ActiveDeliveries { get; init; }

    /// <summary>One entry per UTC hour, oldest first; the last one is the hour <c>now</c> falls in.</summary>
    public required IReadOnlyList<HourFigures> Hours { get; init; }

    /// <summary>Delivered orders that arrived by their estimated arrival, out of delivered orders that had one.</summary>
    public required Ratio OnTime { get; init; }

    /// <summary>Delivered orders that arrived after their estimated arrival, out of delivered orders that had one: the late rate.</summary>
    public Ratio LateDeliveries => new(OnTime.Whole - OnTime.Part, OnTime.Whole);

    /// <summary>Open orders the SLA watcher flagged at risk and not (yet) late.</summary>
    public int AtRiskOrders { get; init; }

    /// <summary>Open orders the SLA watcher flagged late.</summary>
    public int LateOrders { get; init; }

    /// <summary>Busy drivers out of drivers who are working (busy or available); offline and on-break drivers do not count.</summary>
    public required Ratio DriverUtilization { get; init; }

    /// <summary>Customers' ratings: how many, their average, the latest comments.</summary>
    public FeedbackFigures Feedback { get; init; } = new(0, null, []);

    /// <summary>Orders that are not yet delivered, rejected or cancelled.</summary>
    public int OpenOrders => CountsByStatus.Where(count => !count.Status.IsFinal()).Sum(count => count.Orders);

    public static DashboardFigures Compute(IEnumerable<Order> orders, IEnumerable<Driver> drivers, DateTimeOffset now, int hours = DefaultHours)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(hours, 1);
        var allOrders = orders as IReadOnlyCollection<Order> ?? [.. orders];
        var allDrivers = drivers as IReadOnlyCollection<Driver> ?? [.. drivers];
        return new DashboardFigures
        {
            CountsByStatus = CountByStatus(allOrders),
            ActiveDeliveries = ActiveDeliveriesOf(allOrders, allDrivers),
            Hours = PerHour(allOrders, now, hours),
            OnTime = OnTimeRate(allOrders),
            DriverUtilization = Utilization(allDrivers),
            Feedback = FeedbackFigures.Of(allOrders),
            AtRiskOrders = allOrders.Count(order => !order.Status.IsFinal() && order is { AtRiskAt: not null, LateAt: null }),
            LateOrders = allOrders.Count(order => !order.Status.IsFinal() && order.LateAt is not null),
        };
    }

    /// <summary>The start of the UTC hour <paramref name="moment"/> falls in.</summary>
    public static DateTimeOffset HourOf(DateTimeOffset moment)
    {
        var utc = moment.UtcDateTime;
        return new DateTimeOffset(utc.Year, utc.Month, utc.Day, utc.Hour, 0, 0, TimeSpan.Zero);
    }

    private static List<StatusCount> CountByStatus(IReadOnlyCollection<Order> orders)
    {
        var counts = OrderStatusNames.All.ToDictionary(status => status, _ => 0);
        foreach (var order in orders)
        {
            counts[order.Status]++;
        }

        return [.. OrderStatusNames.All.Select(status => new StatusCount(status, counts[status]))];
    }

    private static List<ActiveDelivery> ActiveDeliveriesOf(IReadOnlyCollection<Order> orders, IReadOnlyCollection<Driver> drivers)
    {
        var byId = drivers.ToDictionary(driver => driver.Id, StringComparer.Ordinal);
        return
        [
            .. orders
                .Where(order => order.Status is OrderStatus.Dispatched or OrderStatus.InTransit)
                .OrderBy(order => order.DispatchedAt ?? order.UpdatedAt)
                .Select(order => new ActiveDelivery(order, order.DriverId is { } id ? byId.GetValueOrDefault(id) : null)),
        ];
    }

    private static List<HourFigures> PerHour(IReadOnlyCollection<Order> orders, DateTimeOffset now, int hours)
    {
        var first = HourOf(now).AddHours(-(hours - 1));
        var created = new int[hours];
        var deliveries = new int[hours];
        var deliveryTime = new TimeSpan[hours];
        foreach (var order in orders)
        {
            if (Bucket(order.CreatedAt) is { } createdIn)
            {
                created[createdIn]++;
            }

            if (order is { Status: OrderStatus.Delivered, DispatchedAt: { } dispatched, DeliveredAt: { } delivered } && Bucket(delivered) is { } deliveredIn)
            {
                deliveries[deliveredIn]++;
                deliveryTime[deliveredIn] += delivered - dispatched;
            }
        }

        return
        [
            .. Enumerable.Range(0, hours).Select(index => new HourFigures(
                first.AddHours(index),
                created[index],
                deliveries[index],
                deliveries[index] == 0 ? null : deliveryTime[index] / deliveries[index])),
        ];

        int? Bucket(DateTimeOffset moment)
        {
            var index = (int)Math.Floor((moment - first).TotalHours);
            return index >= 0 && index < hours ? index : null;
        }
    }

    /// <summary>Delivered by the ETA, out of delivered orders that had one.</summary>
    public static Ratio OnTimeRate(IEnumerable<Order> orders)
    {
        var withEstimate = orders
            .Where(order => order.Status == OrderStatus.Delivered && order.DeliveredAt is not null && order.EstimatedArrival is not null)
            .ToList();
        return new Ratio(withEstimate.Count(order => order.DeliveredAt <= order.EstimatedArrival), withEstimate.Count);
    }

    private static Ratio Utilization(IReadOnlyCollection<Driver> drivers)
    {
        var busy = drivers.Count(driver => driver.Status == DriverStatus.Busy);
        var available = drivers.Count(driver => driver.Status == DriverStatus.Available);
        return new Ratio(busy, busy + available);
    }
}

/// <summary>How many orders stand in one status.</summary>
public sealed record StatusCount(OrderStatus Status, int Orders);

/// <summary>A delivery under way and its driver (null when the read model does not know the driver).</summary>
public sealed record ActiveDelivery(Order Order, Driver? Driver);

/// <summary>
/// One hour of activity: orders created in it, and orders delivered in it with their average time on the road
/// (dispatched → delivered); the average is null when nothing was delivered in that hour.
/// </summary>
public sealed record HourFigures(DateTimeOffset Start, int OrdersCreated, int Deliveries, TimeSpan? AverageDeliveryTime);

/// <summary>A part of a whole, e.g. 3 of 4; the rate is null when the whole is zero, so "no data" never reads as 0 %.</summary>
public readonly record struct Ratio(int Part, int Whole)
{
    public double? Rate => Whole == 0 ? null : (double)Part / Whole;
}
