using Microsoft.Extensions.Logging.Abstractions;
using OrderConsole.Core.Drivers;
using OrderConsole.Core.Events;
using OrderConsole.Core.Live;
using OrderConsole.Core.Orders;
using OrderConsole.Core.Storage;
using OrderConsole.Tests.Support;

namespace OrderConsole.Tests.Live;

/// <summary>
/// The per-instance read model: it follows the feed, tells subscribers about the changes they care about,
/// coalesces bursts, reloads when it fell too far behind, and never lets an old snapshot win.
/// Subscriber throttles run on the marketplace's manual clock, so a second callback within the render
/// interval happens only when a test advances the clock.
/// </summary>
public sealed class LiveOrdersTests : IAsyncLifetime
{
    private readonly List<LiveOrders> _started = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var live in _started)
        {
            await live.StopAsync(CancellationToken.None);
            live.Dispose();
        }
    }

    [Fact]
    public async Task On_start_the_read_model_holds_the_orders_already_stored()
    {
        var market = await Marketplace.OpenAsync();
        var order = await market.OrderInStatusAsync(OrderStatus.Preparing);

        var live = await StartAsync(market);

        Assert.Equal((OrderStatus.Preparing, order.Version), (live.Find(order.Id)?.Status, live.Find(order.Id)?.Version));
        Assert.Equal(2, live.Drivers().Count);
    }

    [Fact]
    public async Task The_read_model_reflects_a_change()
    {
        var market = await Marketplace.OpenAsync();
        var live = await StartAsync(market);
        var order = await market.CreateOrderAsync();

        await market.Orders.AcceptAsSupplierAsync(Marketplace.LuigisSupplier, order.Id, null, 30);

        await Eventually.HoldsAsync(() => live.Find(order.Id)?.Status == OrderStatus.SupplierAccepted, "the read model shows the acceptance");
        Assert.Equal(1, live.CountsByStatus()[OrderStatus.SupplierAccepted]);
        Assert.Equal("order.supplier_accepted", live.RecentEvents()[0].EventType);
    }

    [Fact]
    public async Task The_read_model_follows_the_drivers()
    {
        var market = await Marketplace.OpenAsync();
        var live = await StartAsync(market);

        var order = await market.OrderInStatusAsync(OrderStatus.Dispatched, driverId: "drv-ben");

        await Eventually.HoldsAsync(
            () => live.Drivers().SingleOrDefault(driver => driver.Id == "drv-ben") is { Status: DriverStatus.Busy } ben && ben.OrderId == order.Id,
            "the read model shows Ben busy on the order");
    }

    [Fact]
    public async Task A_subscriber_whose_filter_matches_is_called()
    {
        var market = await Marketplace.OpenAsync();
        var live = await StartAsync(market);
        var luigis = new CallCounter();
        using var subscription = live.Subscribe(LiveFilter.Orders(order => order.SupplierId == "luigis"), luigis.Callback);

        await market.CreateOrderAsync();

        await Eventually.HoldsAsync(() => luigis.Count >= 1, "the Luigi's subscriber is called");
    }

    [Fact]
    public async Task A_subscriber_whose_filter_does_not_match_is_not_called()
    {
        var market = await Marketplace.OpenAsync();
        var live = await StartAsync(market);
        var napoli = new CallCounter();
        var luigis = new CallCounter();
        using var napoliView = live.Subscribe(LiveFilter.Orders(order => order.SupplierId == "napoli"), napoli.Callback);
        using var luigisView = live.Subscribe(LiveFilter.Orders(order => order.SupplierId == "luigis"), luigis.Callback);

        await market.CreateOrderAsync();
        await Eventually.HoldsAsync(() => luigis.Count >= 1, "the Luigi's subscriber is called");
        await Eventually.SettleAsync();

        Assert.Equal(0, napoli.Count);
    }

    [Fact]
    public async Task A_subscriber_to_one_order_hears_only_about_that_order()
    {
        var market = await Marketplace.OpenAsync();
        var watched = await market.CreateOrderAsync();
        var other = await market.CreateOrderAsync();
        var live = await StartAsync(market);
        var watcher = new CallCounter();
        var everything = new CallCounter();
        using var watching = live.Subscribe(LiveFilter.Order(watched.Id), watcher.Callback);
        using var all = live.Subscribe(LiveFilter.Everything, everything.Callback);

        await market.Orders.AcceptAsSupplierAsync(Marketplace.LuigisSupplier, other.Id, null, 30);
        await Eventually.HoldsAsync(() => everything.Count >= 1, "the catch-all subscriber is called");
        await Eventually.SettleAsync();
        Assert.Equal(0, watcher.Count);

        await market.Orders.AcceptAsSupplierAsync(Marketplace.LuigisSupplier, watched.Id, null, 30);
        await Eventually.HoldsAsync(() => watcher.Count == 1, "the order's subscriber is called");
    }

    [Fact]
    public async Task An_order_leaving_a_filtered_view_still_notifies_it()
    {
        var market = await Marketplace.OpenAsync();
        var order = await market.CreateOrderAsync();
        var live = await StartAsync(market);
        var pendingView = new CallCounter();
        using var subscription = live.Subscribe(LiveFilter.Orders(candidate => candidate.Status == OrderStatus.PendingSupplier), pendingView.Callback);

        await market.Orders.AcceptAsSupplierAsync(Marketplace.LuigisSupplier, order.Id, null, 30);

        await Eventually.HoldsAsync(() => pendingView.Count >= 1, "the pending view hears that the order left it");
        Assert.Equal(OrderStatus.SupplierAccepted, live.Find(order.Id)?.Status);
    }

    [Fact]
    public async Task Disposing_a_subscription_stops_its_callbacks()
    {
        var market = await Marketplace.OpenAsync();
        var live = await StartAsync(market);
        var calls = new CallCounter();
        var subscription = live.Subscribe(LiveFilter.Everything, calls.Callback);
        await market.CreateOrderAsync();
        await Eventually.HoldsAsync(() => calls.Count == 1, "the subscriber is called once");

        subscription.Dispose();
        market.Clock.Advance(TimeSpan.FromSeconds(1));
        var later = await market.CreateOrderAsync();
        await Eventually.HoldsAsync(() => live.Find(later.Id) is not null, "the read model has the later order");
        market.Clock.Advance(TimeSpan.FromSeconds(1));
        await Eventually.SettleAsync();

        Assert.Equal(1, calls.Count);
    }

    [Fact]
    public async Task A_burst_of_200_changes_collapses_into_a_few_callbacks()
    {
        var market = await Marketplace.OpenAsync();
        var live = await StartAsync(market);
        var calls = new CallCounter();
        using var subscription = live.Subscribe(LiveFilter.Everything, calls.Callback);

        for (var i = 0; i < 200; i++)
        {
            await market.CreateOrderAsync();
        }

        await Eventually.HoldsAsync(() => live.Orders().Count == 200, "the read model has all 200 orders");
        market.Clock.Advance(TimeSpan.FromSeconds(1));
        await Eventually.HoldsAsync(() => calls.Count >= 1, "the subscriber is called");
        await Eventually.SettleAsync();

        Assert.InRange(calls.Count, 1, 5);
    }

    [Fact]
    public async Task A_reader_that_fell_behind_a_trimmed_feed_reloads_the_snapshot()
    {
        var market = await Marketplace.OpenAsync(feedCapacity: 3);
        var feed = new GatedFeed(market.Feed);
        var live = await StartAsync(market, feed);
        var calls = new CallCounter();
        using var subscription = live.Subscribe(LiveFilter.Everything, calls.Callback);

        // Five events land while the reader is held back; the feed keeps only the last three.
        var order = await market.OrderInStatusAsync(OrderStatus.Ready);
        Assert.True((await market.Feed.ReadAfterAsync(null, 10, TimeSpan.Zero)).Trimmed);
        feed.Open();

        await Eventually.HoldsAsync(() => live.Find(order.Id)?.Status == OrderStatus.Ready, "the reloaded read model has the ready order");
        await Eventually.HoldsAsync(() => calls.Count >= 1, "subscribers hear about the reload");
        Assert.True(live.IsFeedConnected);
    }

    [Fact]
    public async Task An_older_version_never_replaces_a_newer_one()
    {
        var market = await Marketplace.OpenAsync();
        var live = await StartAsync(market);
        var created = await market.CreateOrderAsync();
        var accepted = await market.Orders.AcceptAsSupplierAsync(Marketplace.LuigisSupplier, created.Id, null, 30);
        await Eventually.HoldsAsync(() => live.Find(created.Id)?.Version == accepted.Version, "the read model has version 2");

        // A replayed, older event arrives after the newer one (as after a snapshot reload).
        market.Feed.Append(new OrderEvent
        {
            EventId = string.Empty,
            EventType = OrderEventTypes.Created,
            OrderId = created.Id,
            Order = created,
            Timestamp = created.UpdatedAt,
            Actor = "replay",
            Version = created.Version,
        });
        var marker = await market.CreateOrderAsync();
        await Eventually.HoldsAsync(() => live.Find(marker.Id) is not null, "the read model applied the events after the old one");

        Assert.Equal((OrderStatus.SupplierAccepted, 2L), (live.Find(created.Id)!.Status, live.Find(created.Id)!.Version));
    }

    [Fact]
    public async Task A_rolled_back_batch_shows_as_activity_and_the_read_model_carries_on()
    {
        var market = await Marketplace.OpenAsync();
        var live = await StartAsync(market);
        var order = await market.CreateOrderAsync();

        await market.Store.RecordRolledBackBatchAsync("corr-7", "sam", "event 1: refused");
        await market.Orders.AcceptAsSupplierAsync(Marketplace.LuigisSupplier, order.Id, null, 30);

        await Eventually.HoldsAsync(() => live.Find(order.Id)?.Status == OrderStatus.SupplierAccepted, "the read model shows the change after the rollback");
        var rolledBack = Assert.Single(live.RecentEvents(), change => change.EventType == OrderEventTypes.BatchRolledBack);
        Assert.Equal(("corr-7", (Order?)null), (rolledBack.CorrelationId, rolledBack.Order));
    }

    [Fact]
    public async Task A_start_over_more_finished_orders_than_it_keeps_holds_the_newest_and_says_older_ones_are_only_in_the_store()
    {
        var market = await Marketplace.OpenAsync();
        var cancelled = new List<Order>();
        for (var i = 0; i < 4; i++)
        {
            cancelled.Add(await CancelledAsync(market));
        }

        var live = await StartAsync(market, keptFinished: 3);

        Assert.True(live.ForgotOlderFinishedOrders);
        Assert.Null(live.Find(cancelled[0].Id));
        Assert.All(cancelled.Skip(1), order => Assert.NotNull(live.Find(order.Id)));
    }

    [Fact]
    public async Task A_start_over_as_many_finished_orders_as_it_keeps_holds_them_all_and_says_so()
    {
        var market = await Marketplace.OpenAsync();
        for (var i = 0; i < 3; i++)
        {
            await CancelledAsync(market);
        }

        var live = await StartAsync(market, keptFinished: 3);

        Assert.False(live.ForgotOlderFinishedOrders);
        Assert.Equal(3, live.Orders().Count);
    }

    [Fact]
    public async Task An_order_finishing_past_the_kept_number_lets_the_oldest_finished_go_and_says_so()
    {
        var market = await Marketplace.OpenAsync();
        var live = await StartAsync(market, keptFinished: 2);
        var first = await CancelledAsync(market);
        var second = await CancelledAsync(market);
        await Eventually.HoldsAsync(() => live.Find(second.Id) is { Status: OrderStatus.Cancelled }, "the read model has both");
        Assert.False(live.ForgotOlderFinishedOrders);

        var third = await CancelledAsync(market);

        await Eventually.HoldsAsync(() => live.Find(first.Id) is null, "the read model let the oldest go");
        Assert.Equal(OrderStatus.Cancelled, live.Find(third.Id)?.Status);
        Assert.NotNull(live.Find(second.Id));
        Assert.True(live.ForgotOlderFinishedOrders);
    }

    private static async Task<Order> CancelledAsync(Marketplace market)
    {
        var order = await market.CreateOrderAsync();
        market.Clock.Advance(TimeSpan.FromSeconds(1));
        return await market.Orders.CancelAsync(Marketplace.Admin, order.Id, "test");
    }

    private async Task<LiveOrders> StartAsync(Marketplace market, IOrderFeed? feed = null, int keptFinished = 10_000)
    {
        var live = new LiveOrders(market.Store, feed ?? market.Feed, market.Clock, new LiveOrdersOptions { RecentFinishedOrders = keptFinished }, NullLogger<LiveOrders>.Instance);
        _started.Add(live);
        await live.StartAsync(CancellationToken.None);
        return live;
    }
}
