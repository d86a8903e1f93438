using OrderConsole.Core.Drivers;
using OrderConsole.Core.Events;
using OrderConsole.Core.Orders;
using OrderConsole.Tests.Support;

namespace OrderConsole.Tests.Service;

/// <summary>
/// Reassigning: a dispatcher or admin gives a dispatched order, not yet on the road, another available driver.
/// The previous driver is freed and the new one made busy in the same write as the order change.
/// </summary>
public sealed class ReassignTests
{
    [Fact]
    public async Task Reassigning_frees_the_previous_driver_and_busies_the_new_one()
    {
        var market = await Marketplace.OpenAsync();
        var order = await market.OrderInStatusAsync(OrderStatus.Dispatched, driverId: "drv-ana");

        await market.Orders.ReassignAsync(Marketplace.Dispatcher, order.Id, "drv-ben");

        var ana = await market.Store.GetDriverAsync("drv-ana");
        var ben = await market.Store.GetDriverAsync("drv-ben");
        Assert.Equal((DriverStatus.Available, (Guid?)null), (ana!.Status, ana.OrderId));
        Assert.Equal((DriverStatus.Busy, (Guid?)order.Id), (ben!.Status, ben.OrderId));
    }

    [Fact]
    public async Task A_reassigned_order_stays_dispatched_with_the_new_driver_and_its_first_dispatch_time()
    {
        var market = await Marketplace.OpenAsync();
        var order = await market.OrderInStatusAsync(OrderStatus.Dispatched, driverId: "drv-ana");
        market.Clock.Advance(TimeSpan.FromMinutes(5));

        var reassigned = await market.Orders.ReassignAsync(Marketplace.Dispatcher, order.Id, "drv-ben");

        Assert.Equal((OrderStatus.Dispatched, "drv-ben", "Ben Okafor", "+1 555 0102"), (reassigned.Status, reassigned.DriverId, reassigned.DriverName, reassigned.DriverPhone));
        Assert.Equal((order.DispatchedAt, market.Clock.GetUtcNow(), order.Version + 1), (reassigned.DispatchedAt, reassigned.UpdatedAt, reassigned.Version));
    }

    [Fact]
    public async Task Reassigning_records_order_reassigned_in_the_history()
    {
        var market = await Marketplace.OpenAsync();
        var order = await market.OrderInStatusAsync(OrderStatus.Dispatched, driverId: "drv-ana");

        await market.Orders.ReassignAsync(Marketplace.Dispatcher, order.Id, "drv-ben");

        var history = await market.Orders.GetHistoryAsync(Marketplace.Dispatcher, order.Id);
        Assert.Equal((OrderEventTypes.Reassigned, "dora"), (history[^1].EventType, history[^1].Actor));
    }

    [Fact]
    public async Task An_admin_may_reassign_an_order()
    {
        var market = await Marketplace.OpenAsync();
        var order = await market.OrderInStatusAsync(OrderStatus.Dispatched, driverId: "drv-ana");

        var reassigned = await market.Orders.ReassignAsync(Marketplace.Admin, order.Id, "drv-ben");

        Assert.Equal("drv-ben", reassigned.DriverId);
    }

    [Fact]
    public async Task Reassigning_an_order_in_transit_is_rejected()
    {
        var market = await Marketplace.OpenAsync();
        var order = await market.OrderInStatusAsync(OrderStatus.InTransit, driverId: "drv-ana");

        var error = await Assert.ThrowsAsync<IllegalTransitionException>(() => market.Orders.ReassignAsync(Marketplace.Dispatcher, order.Id, "drv-ben"));

        Assert.Equal($"order {order.ShortId}… is in_transit; only a dispatched order can be reassigned to another driver", error.Message);
        Assert.Equal((DriverStatus.Busy, DriverStatus.Available), ((await market.Store.GetDriverAsync("drv-ana"))!.Status, (await market.Store.GetDriverAsync("drv-ben"))!.Status));
    }

    [Fact]
    public async Task Reassigning_an_order_that_was_never_dispatched_is_rejected()
    {
        var market = await Marketplace.OpenAsync();
        var ready = await market.OrderInStatusAsync(OrderStatus.Ready);

        var error = await Assert.ThrowsAsync<IllegalTransitionException>(() => market.Orders.ReassignAsync(Marketplace.Dispatcher, ready.Id, "drv-ben"));

        Assert.Equal($"order {ready.ShortId}… is ready; only a dispatched order can be reassigned to another driver", error.Message);
    }

    [Fact]
    public async Task A_driver_cannot_reassign_their_delivery()
    {
        var market = await Marketplace.OpenAsync();
        var order = await market.OrderInStatusAsync(OrderStatus.Dispatched, driverId: "drv-ana");

        var error = await Assert.ThrowsAsync<ForbiddenOrderActionException>(() => market.Orders.ReassignAsync(Marketplace.AnaDriving, order.Id, "drv-ben"));

        Assert.Equal("a driver may not reassign an order to another driver", error.Message);
        Assert.Equal("drv-ana", (await market.Store.GetAsync(order.Id))!.DriverId);
    }

    [Fact]
    public async Task Reassigning_to_a_busy_driver_is_rejected_and_changes_nothing()
    {
        var market = await Marketplace.OpenAsync();
        var order = await market.OrderInStatusAsync(OrderStatus.Dispatched, driverId: "drv-ana");
        var other = await market.OrderInStatusAsync(OrderStatus.Dispatched, driverId: "drv-ben");

        var error = await Assert.ThrowsAsync<OrderConflictException>(() => market.Orders.ReassignAsync(Marketplace.Dispatcher, order.Id, "drv-ben"));

        Assert.Contains("Ben Okafor is busy", error.Message, StringComparison.Ordinal);
        var ana = await market.Store.GetDriverAsync("drv-ana");
        var ben = await market.Store.GetDriverAsync("drv-ben");
        Assert.Equal(((Guid?)order.Id, (Guid?)other.Id), (ana!.OrderId, ben!.OrderId));
        Assert.Equal((order.Version, "drv-ana"), ((await market.Store.GetAsync(order.Id))!.Version, (await market.Store.GetAsync(order.Id))!.DriverId));
    }

    [Fact]
    public async Task Reassigning_to_the_driver_who_already_has_the_order_names_the_driver_field()
    {
        var market = await Marketplace.OpenAsync();
        var order = await market.OrderInStatusAsync(OrderStatus.Dispatched, driverId: "drv-ana");

        var error = await Assert.ThrowsAsync<OrderValidationException>(() => market.Orders.ReassignAsync(Marketplace.Dispatcher, order.Id, "drv-ana"));

        Assert.Equal(("driver_id", "Ana Lopez already has this order; choose another driver"), (error.Field, error.Message));
    }

    [Fact]
    public async Task Dispatching_an_order_that_is_already_dispatched_points_to_reassigning()
    {
        var market = await Marketplace.OpenAsync();
        var order = await market.OrderInStatusAsync(OrderStatus.Dispatched, driverId: "drv-ana");

        var error = await Assert.ThrowsAsync<IllegalTransitionException>(() => market.Orders.DispatchAsync(Marketplace.Dispatcher, order.Id, "drv-ben"));

        Assert.Equal($"order {order.ShortId}… is dispatched; reassign it to change its driver", error.Message);
        Assert.Equal(DriverStatus.Available, (await market.Store.GetDriverAsync("drv-ben"))!.Status);
    }

    [Fact]
    public async Task The_freed_driver_can_take_another_order_at_once()
    {
        var market = await Marketplace.OpenAsync();
        var order = await market.OrderInStatusAsync(OrderStatus.Dispatched, driverId: "drv-ana");
        var ready = await market.OrderInStatusAsync(OrderStatus.Ready);
        await market.Orders.ReassignAsync(Marketplace.Dispatcher, order.Id, "drv-ben");

        var dispatched = await market.Orders.DispatchAsync(Marketplace.Dispatcher, ready.Id, "drv-ana");

        Assert.Equal("drv-ana", dispatched.DriverId);
    }
}
