using OrderConsole.Core.Drivers;
using OrderConsole.Core.Live;
using OrderConsole.Core.Orders;
using OrderConsole.Tests.Support;

namespace OrderConsole.Tests.Live;

/// <summary>The live dashboard's aggregates, computed from a fixed set of orders and drivers at a fixed moment.</summary>
public sealed class DashboardFiguresTests
{
    /// <summary>12:40 UTC: the current hour is 12:00–13:00, the window starts at 01:00.</summary>
    private static readonly DateTimeOffset s_now = new(2025, 3, 1, 12, 40, 0, TimeSpan.Zero);

    [Fact]
    public void With_no_orders_and_no_drivers_every_figure_is_empty_and_no_rate_reads_as_zero()
    {
        var figures = DashboardFigures.Compute([], [], s_now);

        Assert.All(figures.CountsByStatus, count => Assert.Equal(0, count.Orders));
        Assert.Empty(figures.ActiveDeliveries);
        Assert.All(figures.Hours, hour => Assert.Equal((0, 0, (TimeSpan?)null), (hour.OrdersCreated, hour.Deliveries, hour.AverageDeliveryTime)));
        Assert.Null(figures.OnTime.Rate);
        Assert.Null(figures.DriverUtilization.Rate);
        Assert.Equal(0, figures.OpenOrders);
    }

    [Fact]
    public void Counts_list_every_status_in_lifecycle_order_with_zeroes()
    {
        var figures = DashboardFigures.Compute(
            [Order(OrderStatus.Ready), Order(OrderStatus.Ready), Order(OrderStatus.PendingSupplier)], [], s_now);

        Assert.Equal(OrderStatusNames.All, figures.CountsByStatus.Select(count => count.Status));
        Assert.Equal(2, figures.CountsByStatus.Single(count => count.Status == OrderStatus.Ready).Orders);
        Assert.Equal(1, figures.CountsByStatus.Single(count => count.Status == OrderStatus.PendingSupplier).Orders);
        Assert.Equal(0, figures.CountsByStatus.Single(count => count.Status == OrderStatus.Delivered).Orders);
    }

    [Fact]
    public void Open_orders_leave_out_delivered_rejected_and_cancelled_orders()
    {
        var figures = DashboardFigures.Compute(
            [Order(OrderStatus.Preparing), Order(OrderStatus.InTransit), Order(OrderStatus.Delivered), Order(OrderStatus.SupplierRejected), Order(OrderStatus.Cancelled)],
            [], s_now);

        Assert.Equal(2, figures.OpenOrders);
    }

    [Fact]
    public void The_hours_are_the_last_twelve_UTC_hours_ending_with_the_current_one()
    {
        var figures = DashboardFigures.Compute([], [], s_now);

        Assert.Equal(12, figures.Hours.Count);
        Assert.Equal(new DateTimeOffset(2025, 3, 1, 1, 0, 0, TimeSpan.Zero), figures.Hours[0].Start);
        Assert.Equal(new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero), figures.Hours[^1].Start);
    }

    [Fact]
    public void Orders_are_counted_in_the_hour_they_were_created()
    {
        var figures = DashboardFigures.Compute(
            [Order(createdAt: At(12, 5)), Order(createdAt: At(12, 39)), Order(createdAt: At(11, 59)), Order(createdAt: At(1, 0))], [], s_now);

        Assert.Equal(2, Hour(figures, 12).OrdersCreated);
        Assert.Equal(1, Hour(figures, 11).OrdersCreated);
        Assert.Equal(1, Hour(figures, 1).OrdersCreated);
    }

    [Fact]
    public void Orders_created_before_the_window_are_not_counted_per_hour()
    {
        var figures = DashboardFigures.Compute([Order(createdAt: At(0, 59))], [], s_now);

        Assert.Equal(0, figures.Hours.Sum(hour => hour.OrdersCreated));
    }

    [Fact]
    public void Hours_are_UTC_hours_whatever_offset_a_timestamp_carries()
    {
        var inBerlin = new DateTimeOffset(2025, 3, 1, 13, 10, 0, TimeSpan.FromHours(1));

        var figures = DashboardFigures.Compute([Order(createdAt: inBerlin)], [], s_now.ToOffset(TimeSpan.FromHours(-5)));

        Assert.Equal(1, Hour(figures, 12).OrdersCreated);
    }

    [Fact]
    public void The_average_delivery_time_of_an_hour_runs_from_dispatch_to_delivery_of_the_orders_delivered_in_it()
    {
        var figures = DashboardFigures.Compute(
            [Delivered(dispatchedAt: At(10, 50), deliveredAt: At(11, 10)), Delivered(dispatchedAt: At(11, 0), deliveredAt: At(11, 40))], [], s_now);

        Assert.Equal(2, Hour(figures, 11).Deliveries);
        Assert.Equal(TimeSpan.FromMinutes(30), Hour(figures, 11).AverageDeliveryTime);
        Assert.Null(Hour(figures, 10).AverageDeliveryTime);
    }

    [Fact]
    public void The_on_time_rate_is_delivered_by_the_ETA_out_of_delivered_with_an_ETA()
    {
        // Accepted at 11:00 with 30 minutes: the ETA is 11:30.
        var onTime = Delivered(deliveredAt: At(11, 30), acceptedAt: At(11, 0), minutes: 30);
        var late = Delivered(deliveredAt: At(11, 31), acceptedAt: At(11, 0), minutes: 30);
        var early = Delivered(deliveredAt: At(11, 10), acceptedAt: At(11, 0), minutes: 30);
        var withoutEstimate = Delivered(deliveredAt: At(11, 10));

        var figures = DashboardFigures.Compute([onTime, late, early, withoutEstimate, Order(OrderStatus.InTransit)], [], s_now);

        Assert.Equal(new Ratio(2, 3), figures.OnTime);
        Assert.Equal(2.0 / 3, figures.OnTime.Rate);
    }

    [Fact]
    public void Driver_utilization_is_busy_out_of_busy_and_available_drivers()
    {
        var figures = DashboardFigures.Compute(
            [], [Driver(DriverStatus.Busy), Driver(DriverStatus.Available), Driver(DriverStatus.Available), Driver(DriverStatus.Available), Driver(DriverStatus.Offline), Driver(DriverStatus.OnBreak)],
            s_now);

        Assert.Equal(new Ratio(1, 4), figures.DriverUtilization);
        Assert.Equal(0.25, figures.DriverUtilization.Rate);
    }

    [Fact]
    public void With_only_offline_drivers_there_is_no_utilization_rather_than_zero()
    {
        var figures = DashboardFigures.Compute([], [Driver(DriverStatus.Offline), Driver(DriverStatus.OnBreak)], s_now);

        Assert.Null(figures.DriverUtilization.Rate);
    }

    [Fact]
    public void Active_deliveries_are_dispatched_and_in_transit_orders_longest_on_the_road_first_with_their_drivers()
    {
        var ana = Driver(DriverStatus.Busy, "drv-ana");
        var recent = Order(OrderStatus.Dispatched) with { DispatchedAt = At(12, 30), DriverId = "drv-ana" };
        var longer = Order(OrderStatus.InTransit) with { DispatchedAt = At(12, 0), DriverId = "drv-gone" };

        var figures = DashboardFigures.Compute([recent, Order(OrderStatus.Ready), longer, Order(OrderStatus.Delivered)], [ana], s_now);

        Assert.Equal([longer.Id, recent.Id], figures.ActiveDeliveries.Select(delivery => delivery.Order.Id));
        Assert.Null(figures.ActiveDeliveries[0].Driver);
        Assert.Equal(ana, figures.ActiveDeliveries[1].Driver);
    }

    private static DateTimeOffset At(int hour, int minute) => new(2025, 3, 1, hour, minute, 0, TimeSpan.Zero);

    private static HourFigures Hour(DashboardFigures figures, int utcHour) => figures.Hours.Single(hour => hour.Start.Hour == utcHour);

    private static Order Order(OrderStatus status = OrderStatus.PendingSupplier, DateTimeOffset? createdAt = null) =>
        Samples.InStatus(status) with { CreatedAt = createdAt ?? At(12, 0) };

    private static Order Delivered(DateTimeOffset deliveredAt, DateTimeOffset? dispatchedAt = null, DateTimeOffset? acceptedAt = null, int? minutes = null) =>
        Order(OrderStatus.Delivered) with
        {
            SupplierRespondedAt = acceptedAt,
            EstimatedDeliveryTime = minutes,
            DispatchedAt = dispatchedAt ?? deliveredAt.AddMinutes(-20),
            DeliveredAt = deliveredAt,
        };

    private static Driver Driver(DriverStatus status, string? id = null) =>
        new() { Id = id ?? "drv-" + Guid.NewGuid().ToString("N")[..6], Name = "Driver", Status = status };
}
