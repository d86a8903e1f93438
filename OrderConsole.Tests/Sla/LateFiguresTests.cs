using OrderConsole.Core.Live;
using OrderConsole.Core.Orders;
using OrderConsole.Tests.Support;

namespace OrderConsole.Tests.Sla;

/// <summary>What /api/metrics and the dashboard count of lateness: the late rate of deliveries and the open orders flagged.</summary>
public sealed class LateFiguresTests
{
    private static readonly Order s_withEta = Samples.InStatus(OrderStatus.Delivered) with { SupplierRespondedAt = Samples.At, EstimatedDeliveryTime = 30 };

    private static readonly Order[] s_orders =
    [
        s_withEta with { DeliveredAt = Samples.At.AddMinutes(25) },
        s_withEta with { Id = Guid.NewGuid(), DeliveredAt = Samples.At.AddMinutes(31) },
        s_withEta with { Id = Guid.NewGuid(), DeliveredAt = Samples.At.AddMinutes(29) },
        s_withEta with { Id = Guid.NewGuid(), DeliveredAt = Samples.At.AddMinutes(50), LateAt = Samples.At.AddMinutes(41) },
        s_withEta with { Id = Guid.NewGuid(), Status = OrderStatus.Preparing, AtRiskAt = Samples.At },
        s_withEta with { Id = Guid.NewGuid(), Status = OrderStatus.InTransit, AtRiskAt = Samples.At, LateAt = Samples.At.AddMinutes(41) },
    ];

    [Fact]
    public void The_late_rate_is_the_share_of_delivered_orders_that_arrived_after_their_eta()
    {
        var figures = PerformanceFigures.Compute(s_orders, [], [], Samples.At);

        Assert.Equal(0.5, figures.LateRate);
    }

    [Fact]
    public void Open_orders_count_as_at_risk_until_they_are_late_and_delivered_ones_not_at_all()
    {
        var figures = PerformanceFigures.Compute(s_orders, [], [], Samples.At);

        Assert.Equal((1, 1), (figures.AtRiskOrders, figures.LateOrders));
    }

    [Fact]
    public void The_dashboard_counts_the_same()
    {
        var figures = DashboardFigures.Compute(s_orders, [], Samples.At);

        Assert.Equal((1, 1, new Ratio(2, 4)), (figures.AtRiskOrders, figures.LateOrders, figures.LateDeliveries));
    }
}
