using Microsoft.Extensions.Logging.Abstractions;
using OrderConsole.Core.AutoDispatch;
using OrderConsole.Core.Drivers;
using OrderConsole.Core.Events;
using OrderConsole.Core.Orders;
using OrderConsole.Core.Storage.Redis;
using OrderConsole.Core.Workers;
using OrderConsole.Tests.Infrastructure;
using OrderConsole.Tests.Support;
using OrderConsole.Tests.Workers;
using static OrderConsole.Tests.AutoDispatch.AutoDispatchSetup;

namespace OrderConsole.Tests.AutoDispatch;

/// <summary>
/// Two consoles' auto-dispatch workers on one real Redis, many ready orders racing for few drivers: the store's atomic
/// checks decide every race, so no driver who cannot take an order gets one, and no driver gets two.
/// </summary>
[Collection(RedisCollection.Name)]
public sealed class RedisAutoDispatchRaceTests(RedisServerFixture server)
{
    private const int OrderCount = 30;

    [Fact]
    public async Task Many_ready_orders_racing_for_few_drivers_on_two_consoles_each_get_one_free_driver_or_a_no_driver_nearby_note()
    {
        await using var one = await RedisMarket.OpenNewAsync(server);
        await using var two = await one.JoinAsync(server);
        await PrepareAsync(one.Store);
        string[] free = ["Ana Lopez", "Ben Okafor", "Cara Diaz", "Dev Patel", "Eli Stone"];
        for (var i = 0; i < free.Length; i++)
        {
            await PlaceAsync(one.Store, i < 2 ? (i == 0 ? Samples.Ana : Samples.Ben) : Driver(free[i]), 1.0 + (0.3 * i));
        }

        await PlaceAsync(one.Store, Driver("Fay Widened"), 5.0);
        await PlaceAsync(one.Store, Driver("Gus Busy"), 0.2, DriverStatus.Busy);
        await PlaceAsync(one.Store, Driver("Hana Break"), 0.3, DriverStatus.OnBreak);
        await PlaceAsync(one.Store, Driver("Ivo Offline"), 0.4, DriverStatus.Offline);
        await PlaceAsync(one.Store, Driver("Jo Retired"), 0.5, DriverStatus.Offline, active: false);
        await PlaceAsync(one.Store, Driver("Kim Faraway"), 7.0);
        string[] mayTake = [.. free, "Fay Widened"];

        await using var first = await StartAsync(one, "one");
        await using var second = await StartAsync(two, "two");

        var created = await Task.WhenAll(Enumerable.Range(0, OrderCount).Select(_ => one.CreateOrderAsync()));
        var ready = await Task.WhenAll(created.Select((order, index) => Marketplace.WalkAsync(index % 2 == 0 ? one.Orders : two.Orders, order, OrderStatus.Ready)));

        await Eventually.HoldsAsync(
            async () => (await Task.WhenAll(ready.Select(order => DecisionsAsync(one.Store, order.Id)))).All(decisions => decisions.Count > 0),
            "every ready order got a decision");
        var orders = await Task.WhenAll(ready.Select(order => one.Store.GetAsync(order.Id)));
        var dispatched = orders.Where(order => order!.Status == OrderStatus.Dispatched).Select(order => order!).ToList();

        Assert.Equal(mayTake.Length, dispatched.Count);
        Assert.Equal(mayTake.Order(), dispatched.Select(order => order.DriverName!).Order());
        foreach (var order in dispatched)
        {
            var driver = (await one.Store.GetDriverAsync(order.DriverId!))!;
            Assert.Equal((DriverStatus.Busy, order.Id), (driver.Status, driver.OrderId));
        }

        foreach (var order in ready)
        {
            var decision = Assert.Single(await DecisionsAsync(one.Store, order.Id));
            var status = orders.Single(stored => stored!.Id == order.Id)!.Status;
            Assert.Equal(status == OrderStatus.Dispatched ? OrderEventTypes.ForStatus(OrderStatus.Dispatched) : OrderEventTypes.NoDriverNearby, decision.EventType);
            Assert.Contains(status, new[] { OrderStatus.Dispatched, OrderStatus.Ready });
        }

        Assert.Equal(DriverStatus.OnBreak, (await one.Store.GetDriverAsync("drv-hana-break"))!.Status);
        Assert.Equal(DriverStatus.Offline, (await one.Store.GetDriverAsync("drv-ivo-offline"))!.Status);
        Assert.Null((await one.Store.GetDriverAsync("drv-jo-retired"))!.OrderId);
        Assert.Null((await one.Store.GetDriverAsync("drv-gus-busy"))!.OrderId);
        Assert.Equal(DriverStatus.Available, (await one.Store.GetDriverAsync("drv-kim-faraway"))!.Status);
    }

    [Fact]
    public async Task A_ready_event_handled_again_on_the_other_console_assigns_nothing_more()
    {
        await using var one = await RedisMarket.OpenNewAsync(server);
        await using var two = await one.JoinAsync(server);
        await PrepareAsync(one.Store);
        await PlaceAsync(one.Store, Samples.Ana, 1.2);
        await PlaceAsync(one.Store, Samples.Ben, 2.0);
        var order = await Marketplace.WalkAsync(one.Orders, await one.CreateOrderAsync(), OrderStatus.Ready);
        var readyEvent = await ReadyEventAsync(one.Store, order.Id);

        await Worker(one).HandleAsync(readyEvent, CancellationToken.None);
        await Worker(two).HandleAsync(readyEvent, CancellationToken.None);

        Assert.Equal("drv-ana", (await one.Store.GetAsync(order.Id))!.DriverId);
        Assert.Equal(DriverStatus.Available, (await one.Store.GetDriverAsync("drv-ben"))!.Status);
        Assert.Single(await DecisionsAsync(one.Store, order.Id));
    }

    [Fact]
    public async Task A_no_driver_nearby_note_is_written_once_on_redis_and_reaches_the_other_consoles_read_model()
    {
        await using var one = await RedisMarket.OpenNewAsync(server);
        await using var two = await one.JoinAsync(server);
        await PrepareAsync(one.Store);
        await two.StartLiveAsync();
        var order = await Marketplace.WalkAsync(one.Orders, await one.CreateOrderAsync(), OrderStatus.Ready);
        var readyEvent = await ReadyEventAsync(one.Store, order.Id);

        await Worker(one).HandleAsync(readyEvent, CancellationToken.None);
        await Worker(two).HandleAsync(readyEvent, CancellationToken.None);

        var note = Assert.Single(await DecisionsAsync(one.Store, order.Id));
        Assert.Equal(OrderEventTypes.NoDriverNearby, note.EventType);
        Assert.Equal(order.Version, note.Order!.Version);
        await Eventually.HoldsAsync(() => two.Live.CurrentNote(order.Id)?.Detail == note.Detail, "the other console shows the note");
    }

    [Fact]
    public async Task Ready_orders_left_pending_by_a_console_that_died_are_claimed_by_the_other_and_each_dispatched_once()
    {
        await using var one = await RedisMarket.OpenNewAsync(server);
        await using var two = await one.JoinAsync(server);
        await PrepareAsync(one.Store);
        string[] drivers = ["Ana Lopez", "Ben Okafor", "Cara Diaz", "Dev Patel"];
        for (var i = 0; i < drivers.Length; i++)
        {
            await PlaceAsync(one.Store, i < 2 ? (i == 0 ? Samples.Ana : Samples.Ben) : Driver(drivers[i]), 1.0 + (0.3 * i));
        }

        // Console one's consumer reads the ready events into its pending list and dies before deciding any.
        await using var streams = new RedisWorkerStreams(one.Redis, one.Options, new FeedWorkerOptions());
        var dead = await streams.OpenAsync(AutoDispatchWorker.WorkerName, "one", CancellationToken.None);
        var ready = new List<Order>();
        for (var i = 0; i < 3; i++)
        {
            ready.Add(await Marketplace.WalkAsync(one.Orders, await one.CreateOrderAsync(), OrderStatus.Ready));
        }

        var held = await dead.ReadAsync(100, includeRetries: false, claimIdle: null, TimeSpan.Zero, CancellationToken.None);
        Assert.Equal(3, held.Count(entry => entry.Event.EventType == OrderEventTypes.ForStatus(OrderStatus.Ready)));

        await using var survivor = await StartAsync(two, "two");

        await Eventually.HoldsAsync(
            async () => (await Task.WhenAll(ready.Select(order => DecisionsAsync(one.Store, order.Id)))).All(decisions => decisions.Count > 0),
            "console two decided every order console one held");
        await Eventually.HoldsAsync(() => survivor.Board.Find(AutoDispatchWorker.WorkerName) is { Pending: 0 }, "nothing is left pending");
        var orders = await Task.WhenAll(ready.Select(order => one.Store.GetAsync(order.Id)));
        Assert.All(orders, order => Assert.Equal(OrderStatus.Dispatched, order!.Status));
        Assert.Equal(3, orders.Select(order => order!.DriverId).Distinct().Count());
        foreach (var order in ready)
        {
            Assert.Single(await DecisionsAsync(one.Store, order.Id));
        }
    }

    private static AutoDispatchWorker Worker(RedisMarket market) => new(market.Store, market.Orders, NullLogger<AutoDispatchWorker>.Instance);

    private static async Task<WorkerHost> StartAsync(RedisMarket market, string consumer)
    {
        var host = await WorkerHost.StartAsync(new RedisWorkerStreams(market.Redis, market.Options, new FeedWorkerOptions()), WorkerHost.FastOptions(consumer), Worker(market));
        await Eventually.HoldsAsync(() => host.Board.Find(AutoDispatchWorker.WorkerName)?.MeasuredAt is not null, "the worker joined");
        return host;
    }
}
