using OrderConsole.Core.Drivers;
using OrderConsole.Core.Events;
using OrderConsole.Core.Orders;
using OrderConsole.Core.Service;
using OrderConsole.Tests.Support;

namespace OrderConsole.Tests.Service;

/// <summary>The order service: each command checks who may do it, computes the change, and has the store apply it.</summary>
public sealed class OrderServiceTests
{
    [Fact]
    public async Task An_order_goes_through_the_whole_lifecycle()
    {
        var market = await Marketplace.OpenAsync();
        var orders = market.Orders;

        var order = await orders.CreateAsync(Marketplace.LuigisSupplier, new CreateOrder("luigis", [new OrderItem("Diavola", 2, 10.03m)], 50m));
        Assert.Equal((OrderStatus.PendingSupplier, "LUI-1", 20.06m), (order.Status, order.SupplierTrackingId, order.SupplierPrice));

        market.Clock.Advance(TimeSpan.FromMinutes(1));
        order = await orders.AcceptAsSupplierAsync(Marketplace.LuigisSupplier, order.Id, "Extra hot", 35);
        Assert.Equal((OrderStatus.SupplierAccepted, "Extra hot", 35), (order.Status, order.SupplierNotes, order.EstimatedDeliveryTime));
        Assert.Equal(ManualClock.Start.AddMinutes(36), order.EstimatedArrival);

        order = await orders.AcceptOfferAsync(Marketplace.Customer, order.Id, Marketplace.Maya);
        Assert.Equal((OrderStatus.CustomerAccepted, "Maya Patel", 30.09m), (order.Status, order.CustomerName, order.CustomerPrice));

        order = await orders.AdvanceAsync(Marketplace.LuigisSupplier, order.Id, OrderStatus.Preparing);
        order = await orders.AdvanceAsync(Marketplace.LuigisSupplier, order.Id, OrderStatus.Ready);
        order = await orders.DispatchAsync(Marketplace.Dispatcher, order.Id, "drv-ana");
        Assert.Equal((OrderStatus.Dispatched, "drv-ana", "Ana Lopez", "+1 555 0101"), (order.Status, order.DriverId, order.DriverName, order.DriverPhone));

        order = await orders.AdvanceAsync(Marketplace.AnaDriving, order.Id, OrderStatus.InTransit);
        order = await orders.AdvanceAsync(Marketplace.AnaDriving, order.Id, OrderStatus.Delivered);

        Assert.Equal((OrderStatus.Delivered, 8L), (order.Status, order.Version));
        var history = await orders.GetHistoryAsync(Marketplace.Admin, order.Id);
        Assert.Equal(
            ["order.created", "order.supplier_accepted", "order.customer_accepted", "order.preparing", "order.ready", "order.dispatched", "order.in_transit", "order.delivered"],
            history.Select(change => change.EventType));
        Assert.Equal(["sam", "sam", "maya", "sam", "sam", "dora", "ana", "ana"], history.Select(change => change.Actor));
    }

    [Fact]
    public async Task Dispatching_makes_the_driver_busy_with_the_order()
    {
        var market = await Marketplace.OpenAsync();

        var order = await market.OrderInStatusAsync(OrderStatus.Dispatched);

        var ana = await market.Store.GetDriverAsync("drv-ana");
        Assert.Equal((DriverStatus.Busy, (Guid?)order.Id), (ana!.Status, ana.OrderId));
    }

    [Fact]
    public async Task Delivering_an_order_frees_its_driver()
    {
        var market = await Marketplace.OpenAsync();

        await market.OrderInStatusAsync(OrderStatus.Delivered);

        var ana = await market.Store.GetDriverAsync("drv-ana");
        Assert.Equal((DriverStatus.Available, (Guid?)null), (ana!.Status, ana.OrderId));
    }

    [Fact]
    public async Task Dispatching_a_busy_driver_fails_and_the_order_stays_ready()
    {
        var market = await Marketplace.OpenAsync();
        await market.OrderInStatusAsync(OrderStatus.Dispatched, driverId: "drv-ana");
        var ready = await market.OrderInStatusAsync(OrderStatus.Ready);

        var error = await Assert.ThrowsAsync<OrderConflictException>(() => market.Orders.DispatchAsync(Marketplace.Dispatcher, ready.Id, "drv-ana"));

        Assert.Contains("Ana Lopez is busy", error.Message, StringComparison.Ordinal);
        Assert.Equal((OrderStatus.Ready, ready.Version), ((await market.Store.GetAsync(ready.Id))!.Status, (await market.Store.GetAsync(ready.Id))!.Version));
    }

    [Fact]
    public async Task Dispatching_an_order_that_is_not_ready_is_rejected()
    {
        var market = await Marketplace.OpenAsync();
        var preparing = await market.OrderInStatusAsync(OrderStatus.Preparing);

        var error = await Assert.ThrowsAsync<IllegalTransitionException>(() => market.Orders.DispatchAsync(Marketplace.Dispatcher, preparing.Id, "drv-ana"));

        Assert.Equal($"order {preparing.ShortId}… is preparing; it cannot go to dispatched", error.Message);
        Assert.Equal(DriverStatus.Available, (await market.Store.GetDriverAsync("drv-ana"))!.Status);
    }

    [Fact]
    public async Task Dispatching_a_driver_who_does_not_exist_names_the_driver_field()
    {
        var market = await Marketplace.OpenAsync();
        var ready = await market.OrderInStatusAsync(OrderStatus.Ready);

        var error = await Assert.ThrowsAsync<OrderValidationException>(() => market.Orders.DispatchAsync(Marketplace.Dispatcher, ready.Id, "drv-nobody"));

        Assert.Equal("driver_id", error.Field);
    }

    [Fact]
    public async Task A_rejected_order_cannot_be_accepted_afterwards()
    {
        var market = await Marketplace.OpenAsync();
        var order = await market.CreateOrderAsync();
        await market.Orders.RejectAsSupplierAsync(Marketplace.LuigisSupplier, order.Id, "Out of dough");

        await Assert.ThrowsAsync<IllegalTransitionException>(() => market.Orders.AcceptAsSupplierAsync(Marketplace.LuigisSupplier, order.Id, null, 30));
    }

    [Fact]
    public async Task Cancelling_records_the_reason()
    {
        var market = await Marketplace.OpenAsync();
        var order = await market.OrderInStatusAsync(OrderStatus.CustomerAccepted);

        var cancelled = await market.Orders.CancelAsync(Marketplace.Customer, order.Id, "Changed my mind");

        Assert.Equal((OrderStatus.Cancelled, "Changed my mind", (DateTimeOffset?)market.Clock.GetUtcNow()), (cancelled.Status, cancelled.CancellationReason, cancelled.CancelledAt));
    }

    [Fact]
    public async Task A_dispatched_order_can_no_longer_be_cancelled()
    {
        var market = await Marketplace.OpenAsync();
        var order = await market.OrderInStatusAsync(OrderStatus.Dispatched);

        await Assert.ThrowsAsync<IllegalTransitionException>(() => market.Orders.CancelAsync(Marketplace.Dispatcher, order.Id, "Too late"));
    }

    [Fact]
    public async Task Advancing_to_a_status_that_needs_its_own_command_is_refused()
    {
        var market = await Marketplace.OpenAsync();
        var order = await market.OrderInStatusAsync(OrderStatus.Ready);

        var error = await Assert.ThrowsAsync<OrderValidationException>(() => market.Orders.AdvanceAsync(Marketplace.Dispatcher, order.Id, OrderStatus.Dispatched));

        Assert.Equal("status", error.Field);
    }

    [Fact]
    public async Task An_invalid_input_changes_nothing()
    {
        var market = await Marketplace.OpenAsync();
        var offer = await market.OrderInStatusAsync(OrderStatus.SupplierAccepted);

        var error = await Assert.ThrowsAsync<OrderValidationException>(() =>
            market.Orders.AcceptOfferAsync(Marketplace.Customer, offer.Id, Marketplace.Maya with { Phone = "call me" }));

        Assert.Equal("customer_phone", error.Field);
        Assert.Equal(offer.Version, (await market.Store.GetAsync(offer.Id))!.Version);
        Assert.Equal(2, (await market.Store.GetHistoryAsync(offer.Id)).Count);
    }

    [Fact]
    public async Task A_retried_command_id_never_applies_twice()
    {
        var market = await Marketplace.OpenAsync();
        var order = await market.CreateOrderAsync();

        var first = await market.Orders.AcceptAsSupplierAsync(Marketplace.LuigisSupplier, order.Id, null, 30, commandId: "retry-1");
        var retry = await market.Orders.AcceptAsSupplierAsync(Marketplace.LuigisSupplier, order.Id, null, 30, commandId: "retry-1");

        // The retry is answered with the first result and writes nothing.
        Assert.Equal(first, retry);
        Assert.Equal(first.Version, (await market.Store.GetAsync(order.Id))!.Version);
        Assert.Equal(2, (await market.Store.GetHistoryAsync(order.Id)).Count);
    }

    [Fact]
    public async Task Creating_with_the_same_command_id_twice_creates_one_order()
    {
        var market = await Marketplace.OpenAsync();
        var command = new CreateOrder("luigis", [new OrderItem("Funghi", 1, 9m)]);

        var first = await market.Orders.CreateAsync(Marketplace.LuigisSupplier, command, commandId: "create-1");
        var retry = await market.Orders.CreateAsync(Marketplace.LuigisSupplier, command, commandId: "create-1");

        Assert.Equal(first.Id, retry.Id);
        Assert.Single(await market.Store.ListAsync(new Core.Storage.OrderQuery()));
    }

    [Fact]
    public async Task Creating_retries_with_new_codes_when_a_tracking_code_is_taken()
    {
        var market = await Marketplace.OpenAsync();
        var store = new CollidingStore(market.Store, collisions: 2);
        var orders = new OrderService(store, market.Clock);

        var order = await orders.CreateAsync(Marketplace.LuigisSupplier, new CreateOrder("luigis", [new OrderItem("Funghi", 1, 9m)]));

        Assert.Equal(3, store.Attempts.Count);
        Assert.Equal(3, store.Attempts.Select(attempt => attempt.TrackingId + attempt.TrackingToken).Distinct().Count());
        Assert.Single(store.Attempts.Select(attempt => attempt.CommandId).Distinct());
        Assert.Equal(store.Attempts[^1].TrackingId, order.TrackingId);
        Assert.NotNull(await market.Store.GetAsync(order.Id));
    }

    [Fact]
    public async Task Creating_gives_up_after_repeated_tracking_code_collisions()
    {
        var market = await Marketplace.OpenAsync();
        var store = new CollidingStore(market.Store, collisions: int.MaxValue);
        var orders = new OrderService(store, market.Clock);

        await Assert.ThrowsAsync<Core.Storage.DuplicateTrackingCodeException>(() =>
            orders.CreateAsync(Marketplace.LuigisSupplier, new CreateOrder("luigis", [new OrderItem("Funghi", 1, 9m)])));

        Assert.Equal(5, store.Attempts.Count);
        Assert.Empty(await market.Store.ListAsync(new Core.Storage.OrderQuery()));
    }

    [Fact]
    public async Task Creating_for_an_unknown_supplier_names_the_supplier_field()
    {
        var market = await Marketplace.OpenAsync();

        var error = await Assert.ThrowsAsync<OrderValidationException>(() => market.CreateOrderAsync(Marketplace.Admin, supplierId: "nowhere"));

        Assert.Equal("supplier_id", error.Field);
    }

    [Fact]
    public async Task The_history_an_actor_may_not_see_is_not_found()
    {
        var market = await Marketplace.OpenAsync();
        var order = await market.CreateOrderAsync();

        await Assert.ThrowsAsync<OrderNotFoundException>(() => market.Orders.GetHistoryAsync(Marketplace.NapoliSupplier, order.Id));
    }

    [Fact]
    public async Task Every_change_appends_exactly_one_order_event_to_the_feed()
    {
        var market = await Marketplace.OpenAsync();
        var before = await market.Feed.GetLatestEventIdAsync();

        var order = await market.OrderInStatusAsync(OrderStatus.Delivered);

        var events = (await market.Feed.ReadAfterAsync(before, 100, TimeSpan.Zero)).Events;
        Assert.Equal(Enumerable.Range(1, 8).Select(version => (long)version), events.Where(change => change.OrderId == order.Id).Select(change => change.Version));
        Assert.Equal(2, events.Count(change => change.EventType == OrderEventTypes.DriverUpdated));
    }
}
