using OrderConsole.Core.Events;
using OrderConsole.Core.Live;
using OrderConsole.Core.Orders;
using OrderConsole.Tests.Support;

namespace OrderConsole.Tests.Live;

/// <summary>Which changes a subscriber hears about: an order view also hears about orders that leave it.</summary>
public sealed class LiveFilterTests
{
    private static readonly LiveFilter s_pending = LiveFilter.Orders(order => order.Status == OrderStatus.PendingSupplier);

    [Fact]
    public void An_order_view_matches_an_order_entering_it()
    {
        Assert.True(s_pending.Matches(Change(Samples.InStatus(OrderStatus.PendingSupplier)), previous: null));
    }

    [Fact]
    public void An_order_view_matches_an_order_leaving_it()
    {
        var before = Samples.InStatus(OrderStatus.PendingSupplier);

        Assert.True(s_pending.Matches(Change(before with { Status = OrderStatus.SupplierAccepted }), before));
    }

    [Fact]
    public void An_order_view_ignores_an_order_that_is_never_in_it()
    {
        var before = Samples.InStatus(OrderStatus.Preparing);

        Assert.False(s_pending.Matches(Change(before with { Status = OrderStatus.Ready }), before));
    }

    [Fact]
    public void The_driver_view_matches_driver_changes_only()
    {
        var driverChange = new OrderEvent { EventId = "1", EventType = OrderEventTypes.DriverUpdated, Driver = Samples.Ana, Timestamp = Samples.At, Actor = "test" };

        Assert.True(LiveFilter.Drivers.Matches(driverChange, null));
        Assert.False(LiveFilter.Drivers.Matches(Change(Samples.NewOrder()), null));
        Assert.False(LiveFilter.ConnectionOnly.Matches(driverChange, null));
    }

    private static OrderEvent Change(Order order) => new()
    {
        EventId = "1",
        EventType = OrderEventTypes.ForStatus(order.Status),
        OrderId = order.Id,
        Order = order,
        Timestamp = order.UpdatedAt,
        Actor = "test",
        Version = order.Version,
    };
}
