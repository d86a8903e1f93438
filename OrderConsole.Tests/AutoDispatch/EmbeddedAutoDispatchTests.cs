using Microsoft.Extensions.Logging.Abstractions;
using OrderConsole.Core.AutoDispatch;
using OrderConsole.Core.Drivers;
using OrderConsole.Core.Events;
using OrderConsole.Core.Orders;
using OrderConsole.Core.Service;
using OrderConsole.Core.Storage.InMemory;
using OrderConsole.Core.Workers;
using OrderConsole.Tests.Storage.Journal;
using OrderConsole.Tests.Support;
using OrderConsole.Tests.Workers;
using static OrderConsole.Tests.AutoDispatch.AutoDispatchSetup;

namespace OrderConsole.Tests.AutoDispatch;

/// <summary>The auto-dispatch worker on the embedded store: its decisions, their reasons, and what it leaves alone.</summary>
public sealed class EmbeddedAutoDispatchTests
{
    [Fact]
    public async Task A_ready_order_goes_to_the_nearest_available_driver_with_the_reason_on_its_timeline()
    {
        var market = await OpenAsync();
        await PlaceAsync(market.Store, Samples.Ben, 0.8, DriverStatus.OnBreak);
        await PlaceAsync(market.Store, Samples.Ana, 1.2);
        await using var host = await StartAsync(market);

        var order = await market.OrderInStatusAsync(OrderStatus.Ready);

        await Eventually.HoldsAsync(async () => (await market.Store.GetAsync(order.Id))!.Status == OrderStatus.Dispatched, "the order was auto-dispatched");
        var dispatched = (await market.Store.GetAsync(order.Id))!;
        Assert.Equal("drv-ana", dispatched.DriverId);
        var decision = Assert.Single(await DecisionsAsync(market.Store, order.Id));
        Assert.Equal(OrderEventTypes.ForStatus(OrderStatus.Dispatched), decision.EventType);
        Assert.Equal("nearest available 1.2 km; Ben Okafor 0.8 km on break", decision.Detail);
        Assert.Equal((await ReadyEventAsync(market.Store, order.Id)).EventId, decision.CorrelationId);
    }

    [Fact]
    public async Task With_nobody_within_the_widened_radius_the_order_stays_ready_with_a_no_driver_nearby_note()
    {
        var market = await OpenAsync();
        await PlaceAsync(market.Store, Samples.Ana, 9.0);
        await PlaceAsync(market.Store, Samples.Ben, 0.8, DriverStatus.Offline);
        var order = await market.OrderInStatusAsync(OrderStatus.Ready);

        await Worker(market).HandleAsync(await ReadyEventAsync(market.Store, order.Id), CancellationToken.None);

        Assert.Equal(OrderStatus.Ready, (await market.Store.GetAsync(order.Id))!.Status);
        var note = Assert.Single(await DecisionsAsync(market.Store, order.Id));
        Assert.Equal(OrderEventTypes.NoDriverNearby, note.EventType);
        Assert.Equal("no available driver within 6.0 km of the pickup; Ben Okafor 0.8 km offline", note.Detail);
        Assert.Equal(order.Version, note.Version);
    }

    [Fact]
    public async Task A_redelivered_ready_event_assigns_once_and_writes_one_decision()
    {
        var market = await OpenAsync();
        await PlaceAsync(market.Store, Samples.Ana, 1.2);
        await PlaceAsync(market.Store, Samples.Ben, 2.0);
        var order = await market.OrderInStatusAsync(OrderStatus.Ready);
        var ready = await ReadyEventAsync(market.Store, order.Id);
        var worker = Worker(market);

        await worker.HandleAsync(ready, CancellationToken.None);
        await worker.HandleAsync(ready, CancellationToken.None);

        Assert.Single(await DecisionsAsync(market.Store, order.Id));
        Assert.Equal(DriverStatus.Available, (await market.Store.GetDriverAsync("drv-ben"))!.Status);
    }

    [Fact]
    public async Task A_redelivered_ready_event_after_no_driver_nearby_writes_no_second_note()
    {
        var market = await OpenAsync();
        var order = await market.OrderInStatusAsync(OrderStatus.Ready);
        var ready = await ReadyEventAsync(market.Store, order.Id);
        var worker = Worker(market);

        await worker.HandleAsync(ready, CancellationToken.None);
        await PlaceAsync(market.Store, Samples.Ana, 1.2);
        await worker.HandleAsync(ready, CancellationToken.None);

        Assert.Equal(OrderEventTypes.NoDriverNearby, Assert.Single(await DecisionsAsync(market.Store, order.Id)).EventType);
        Assert.Equal(OrderStatus.Ready, (await market.Store.GetAsync(order.Id))!.Status);
    }

    [Fact]
    public async Task An_order_a_person_dispatched_first_is_left_alone_with_a_note()
    {
        var market = await OpenAsync();
        await PlaceAsync(market.Store, Samples.Ana, 1.2);
        await PlaceAsync(market.Store, Samples.Ben, 2.0);
        var order = await market.OrderInStatusAsync(OrderStatus.Ready);
        var ready = await ReadyEventAsync(market.Store, order.Id);
        await market.Orders.DispatchAsync(Marketplace.Dispatcher, order.Id, "drv-ben");

        await Worker(market).HandleAsync(ready, CancellationToken.None);

        Assert.Equal("drv-ben", (await market.Store.GetAsync(order.Id))!.DriverId);
        Assert.Equal(DriverStatus.Available, (await market.Store.GetDriverAsync("drv-ana"))!.Status);
        var note = Assert.Single(await DecisionsAsync(market.Store, order.Id));
        Assert.Equal(OrderEventTypes.AutoDispatchSkipped, note.EventType);
        Assert.Equal("already dispatched to Ben Okafor", note.Detail);
    }

    [Fact]
    public async Task With_the_console_switch_off_nothing_is_decided()
    {
        var market = await OpenAsync(consoleSwitch: false);
        await PlaceAsync(market.Store, Samples.Ana, 1.2);
        var order = await market.OrderInStatusAsync(OrderStatus.Ready);

        await Worker(market).HandleAsync(await ReadyEventAsync(market.Store, order.Id), CancellationToken.None);

        Assert.Equal(OrderStatus.Ready, (await market.Store.GetAsync(order.Id))!.Status);
        Assert.Empty(await DecisionsAsync(market.Store, order.Id));
    }

    [Fact]
    public async Task With_the_suppliers_switch_off_nothing_is_decided()
    {
        var market = await OpenAsync(supplierSwitch: false);
        await PlaceAsync(market.Store, Samples.Ana, 1.2);
        var order = await market.OrderInStatusAsync(OrderStatus.Ready);

        await Worker(market).HandleAsync(await ReadyEventAsync(market.Store, order.Id), CancellationToken.None);

        Assert.Equal(OrderStatus.Ready, (await market.Store.GetAsync(order.Id))!.Status);
        Assert.Empty(await DecisionsAsync(market.Store, order.Id));
    }

    [Fact]
    public async Task A_note_survives_a_restart_of_the_journalled_store_and_still_counts_as_decided()
    {
        using var folder = new JournalFolder();
        Guid orderId;
        OrderEvent ready;
        using (var first = folder.Open())
        {
            await PrepareAsync(first.Orders);
            var orders = new OrderService(first.Orders, folder.Clock);
            var created = await orders.CreateAsync(Marketplace.LuigisSupplier, new CreateOrder("luigis", [new OrderItem("Margherita", 1, 10m)]));
            orderId = (await Marketplace.WalkAsync(orders, created, OrderStatus.Ready)).Id;
            ready = await ReadyEventAsync(first.Orders, orderId);
            await new AutoDispatchWorker(first.Orders, orders, NullLogger<AutoDispatchWorker>.Instance).HandleAsync(ready, CancellationToken.None);
        }

        using var second = folder.Open();
        Assert.Equal(OrderEventTypes.NoDriverNearby, Assert.Single(await DecisionsAsync(second.Orders, orderId)).EventType);
        Assert.NotNull(await second.Orders.GetCommandResultAsync(AutoDispatchWorker.DecisionId(ready.EventId)));
    }

    private static async Task<Marketplace> OpenAsync(bool consoleSwitch = true, bool supplierSwitch = true)
    {
        var market = await Marketplace.OpenAsync();
        await PrepareAsync(market.Store, consoleSwitch, supplierSwitch);
        return market;
    }

    private static AutoDispatchWorker Worker(Marketplace market) => new(market.Store, market.Orders, NullLogger<AutoDispatchWorker>.Instance);

    private static async Task<WorkerHost> StartAsync(Marketplace market)
    {
        var host = await WorkerHost.StartAsync(new InMemoryWorkerStreams(market.Feed, new FeedWorkerOptions()), WorkerHost.FastOptions(), Worker(market));
        await Eventually.HoldsAsync(() => host.Board.Find(AutoDispatchWorker.WorkerName)?.MeasuredAt is not null, "the worker started");
        return host;
    }
}
