using OrderConsole.Core.Live;
using OrderConsole.Core.Orders;
using OrderConsole.Tests.Support;

namespace OrderConsole.Tests.Live;

/// <summary>The performance figures behind <c>/api/metrics</c>.</summary>
public sealed class PerformanceFiguresTests
{
    private static readonly DateTimeOffset s_now = Samples.At.AddHours(5);

    [Fact]
    public void The_p95_delivery_time_is_the_nearest_rank_of_the_delivered_orders()
    {
        var orders = Enumerable.Range(1, 20).Select(minutes => Delivered(TimeSpan.FromMinutes(minutes))).ToList();

        var figures = PerformanceFigures.Compute(orders, [], [], s_now);

        Assert.Equal(19 * 60, figures.P95DeliveryTimeSeconds);
        Assert.Equal(10.5 * 60, figures.AverageDeliveryTimeSeconds);
    }

    [Fact]
    public void Without_deliveries_there_is_no_delivery_time_rather_than_zero()
    {
        var figures = PerformanceFigures.Compute([Samples.InStatus(OrderStatus.Ready)], [], [], s_now);

        Assert.Null(figures.AverageDeliveryTimeSeconds);
        Assert.Null(figures.P95DeliveryTimeSeconds);
        Assert.Null(figures.OnTimeRate);
    }

    [Fact]
    public void A_suppliers_acceptance_rate_counts_accepted_out_of_answered_orders()
    {
        var orders = new[]
        {
            Answered(OrderStatus.SupplierAccepted),
            Answered(OrderStatus.Ready),
            Answered(OrderStatus.SupplierRejected),
            Samples.InStatus(OrderStatus.PendingSupplier),
        };

        var luigis = PerformanceFigures.Compute(orders, [Samples.Luigis], [], s_now).Suppliers.Single();

        Assert.Equal((4, 2.0 / 3), (luigis.Orders, luigis.AcceptanceRate!.Value));
    }

    [Fact]
    public void A_drivers_figures_count_only_their_own_completed_deliveries()
    {
        var orders = new[] { Delivered(TimeSpan.FromMinutes(10)), Delivered(TimeSpan.FromMinutes(20)) with { DriverId = "drv-ben" } };

        var ana = PerformanceFigures.Compute(orders, [], [Samples.Ana], s_now).Drivers.Single();

        Assert.Equal((1, 600.0), (ana.Deliveries, ana.AverageDeliveryTimeSeconds!.Value));
    }

    private static Order Answered(OrderStatus status) => Samples.InStatus(status) with { SupplierRespondedAt = Samples.At };

    private static Order Delivered(TimeSpan onTheRoad) =>
        Samples.InStatus(OrderStatus.Delivered, driverId: "drv-ana") with { DispatchedAt = Samples.At, DeliveredAt = Samples.At + onTheRoad };
}
