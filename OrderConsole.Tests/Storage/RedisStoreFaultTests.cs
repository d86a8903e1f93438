using System.Collections.Concurrent;
using OrderConsole.Core.Events;
using OrderConsole.Core.Live;
using OrderConsole.Core.Orders;
using OrderConsole.Core.Storage;
using OrderConsole.Core.Storage.Redis;
using OrderConsole.Tests.Infrastructure;
using OrderConsole.Tests.Support;

namespace OrderConsole.Tests.Storage;

/// <summary>Tests that break the store's server get one of their own.</summary>
[CollectionDefinition(Name)]
public sealed class RedisStoreFaultCollection : ICollectionFixture<RedisServerFixture>
{
    public const string Name = "redis-store-faults";
}

/// <summary>What the store, the feed and the read model do when Redis misbehaves.</summary>
[Collection(RedisStoreFaultCollection.Name)]
public sealed class RedisStoreFaultTests(RedisServerFixture server)
{
    [Fact]
    public async Task A_store_out_of_memory_refuses_commands_with_a_clear_message_and_changes_nothing()
    {
        await using var market = await RedisMarket.OpenNewAsync(server);
        var order = await market.CreateOrderAsync();
        await using var admin = await server.ConnectAdminAsync();
        await admin.Database.ExecuteAsync("CONFIG", "SET", "maxmemory", "1");
        try
        {
            var refused = await Assert.ThrowsAsync<StoreUnavailableException>(() =>
                market.Orders.AcceptAsSupplierAsync(Marketplace.LuigisSupplier, order.Id, null, 30));

            Assert.Contains("OOM", refused.Message, StringComparison.Ordinal);
            Assert.False(refused.OutcomeUnknown);
        }
        finally
        {
            await admin.Database.ExecuteAsync("CONFIG", "SET", "maxmemory", "0");
        }

        Assert.Equal((OrderStatus.PendingSupplier, 1L), ((await market.Store.GetAsync(order.Id))!.Status, (await market.Store.GetAsync(order.Id))!.Version));
    }

    [Fact]
    public async Task A_feed_reader_whose_connection_is_killed_resumes_without_missing_or_repeating_an_event()
    {
        await using var market = await RedisMarket.OpenNewAsync(server);
        var start = await market.Feed.GetLatestEventIdAsync();
        await using var collector = new FeedCollector(market.Feed, start);
        await using var admin = await server.ConnectAdminAsync();

        await WriteWhileKillingAsync(market, admin, "normal");

        await AssertFeedHoldsTheStreamAsync(admin, market, start, collector);
    }

    [Fact]
    public async Task A_feed_reader_whose_pubsub_connection_is_killed_misses_and_repeats_nothing()
    {
        await using var market = await RedisMarket.OpenNewAsync(server);
        await using var writer = await market.JoinAsync(server);
        var start = await market.Feed.GetLatestEventIdAsync();
        await using var collector = new FeedCollector(market.Feed, start);
        await using var admin = await server.ConnectAdminAsync();

        await WriteWhileKillingAsync(writer, admin, "pubsub");

        await AssertFeedHoldsTheStreamAsync(admin, market, start, collector);
    }

    [Fact]
    public async Task A_lost_wake_up_is_caught_by_the_safety_poll()
    {
        await using var first = await RedisMarket.OpenNewAsync(server);
        // A read model that would wait ten minutes for a wake-up before looking again on its own.
        await using var second = await first.JoinAsync(server, new LiveOrdersOptions { FeedWait = TimeSpan.FromMinutes(10) });
        var order = await first.CreateOrderAsync();
        await second.StartLiveAsync();
        await Eventually.HoldsAsync(() => second.Live.Find(order.Id) is not null, "the second instance holds the order");

        // An event appended without its PUBLISH, as if the wake-up had been lost on the way.
        var accepted = order with { Status = OrderStatus.SupplierAccepted, Version = order.Version + 1 };
        await using var admin = await server.ConnectAdminAsync();
        await admin.Database.StreamAddAsync(
            first.Options.KeyPrefix + "events", "event", WireJson.Serialize(OrderEvent.ForOrder(OrderEventTypes.ForStatus(OrderStatus.SupplierAccepted), accepted, "test", correlationId: null)));

        await Eventually.HoldsAsync(() => second.Live.Find(order.Id)?.Version == accepted.Version, "the poll reads the event no wake-up announced");
    }

    /// <summary>Five rounds of ten orders, killing every client connection of <paramref name="type"/> after each round.</summary>
    private static async Task WriteWhileKillingAsync(RedisMarket market, RedisStoreConnection admin, string type)
    {
        for (var round = 0; round < 5; round++)
        {
            for (var i = 0; i < 10; i++)
            {
                await RetryUntilStoreAnswersAsync(market.CreateOrderAsync);
            }

            await admin.Database.ExecuteAsync("CLIENT", "KILL", "TYPE", type, "SKIPME", "yes");
        }
    }

    /// <summary>The reader got exactly the stream's entries after <paramref name="start"/>, in order, none twice.</summary>
    internal static async Task AssertFeedHoldsTheStreamAsync(RedisStoreConnection admin, RedisMarket market, string? start, FeedCollector collector)
    {
        var stream = await admin.Database.StreamRangeAsync(market.Options.KeyPrefix + "events", start is null ? "-" : "(" + start, "+");
        await Eventually.HoldsAsync(() => collector.Events.Count >= stream.Length, "the reader has caught up");
        Assert.Equal(stream.Select(entry => entry.Id.ToString()), collector.Events.Select(e => e.EventId));
    }

    internal static async Task<T> RetryUntilStoreAnswersAsync<T>(Func<Task<T>> command)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await command();
            }
            catch (StoreUnavailableException) when (attempt < 300)
            {
                await Task.Delay(100);
            }
        }
    }
}

/// <summary>Tests that crash a server running with <c>appendonly yes</c> and <c>appendfsync always</c>.</summary>
[CollectionDefinition(Name)]
public sealed class DurableRedisCollection : ICollectionFixture<DurableRedisServerFixture>
{
    public const string Name = "redis-durable";
}

/// <summary>What survives a Redis crash, and how the console comes back from one.</summary>
[Collection(DurableRedisCollection.Name)]
public sealed class RedisCrashTests(DurableRedisServerFixture server)
{
    [Fact]
    public async Task While_redis_is_down_commands_fail_clearly_reads_come_from_the_read_model_and_everything_recovers()
    {
        await using var market = await RedisMarket.OpenNewAsync(server, "asyncTimeout=2000");
        var order = await market.CreateOrderAsync();
        await market.StartLiveAsync();
        await Eventually.HoldsAsync(() => market.Live.Find(order.Id) is not null, "the read model holds the order");

        server.Kill();
        await Assert.ThrowsAsync<StoreUnavailableException>(() => market.Orders.AcceptAsSupplierAsync(Marketplace.LuigisSupplier, order.Id, null, 30));
        await Eventually.HoldsAsync(() => !market.Live.IsFeedConnected, "the read model notices the feed is gone");
        Assert.Equal(OrderStatus.PendingSupplier, market.Live.Find(order.Id)!.Status);

        await server.StartAsync();
        await Eventually.HoldsAsync(() => market.Live.IsFeedConnected, "the read model reconnects by itself");
        await RedisStoreFaultTests.RetryUntilStoreAnswersAsync(() => market.Orders.AcceptAsSupplierAsync(Marketplace.LuigisSupplier, order.Id, null, 30));
        await Eventually.HoldsAsync(() => market.Live.Find(order.Id)?.Status == OrderStatus.SupplierAccepted, "a change after the outage reaches the read model");
    }


    [Fact]
    public async Task After_a_kill_9_every_acknowledged_change_is_there_and_the_feed_resumes_without_a_gap()
    {
        await using var market = await RedisMarket.OpenNewAsync(server, "asyncTimeout=2000");
        var start = await market.Feed.GetLatestEventIdAsync();
        await using var collector = new FeedCollector(market.Feed, start);
        await market.StartLiveAsync();
        var acknowledged = new ConcurrentDictionary<Guid, long>();
        using var stop = new CancellationTokenSource();
        var writer = Task.Run(() => KeepWritingAsync(market, acknowledged, stop.Token));

        await Eventually.HoldsAsync(() => acknowledged.Count >= 20, "some changes are acknowledged before the crash");
        server.Kill();
        var beforeRestart = acknowledged.Count;
        await server.StartAsync();
        await Eventually.HoldsAsync(() => acknowledged.Count >= beforeRestart + 20, "writing carries on after the restart");
        await stop.CancelAsync();
        await writer;

        foreach (var (orderId, version) in acknowledged)
        {
            var stored = await RedisStoreFaultTests.RetryUntilStoreAnswersAsync(() => market.Store.GetAsync(orderId));
            Assert.True(stored is not null && stored.Version >= version, $"order {orderId} lost its acknowledged version {version}");
        }

        await using var admin = await server.ConnectAdminAsync();
        await RedisStoreFaultTests.AssertFeedHoldsTheStreamAsync(admin, market, start, collector);
        await Eventually.HoldsAsync(
            () => acknowledged.All(pair => market.Live.Find(pair.Key)?.Version >= pair.Value),
            "the read model holds every acknowledged change");
    }

    /// <summary>Creates and accepts orders until stopped, noting each acknowledged version; failures during the outage are expected.</summary>
    private static async Task KeepWritingAsync(RedisMarket market, ConcurrentDictionary<Guid, long> acknowledged, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                var order = await market.CreateOrderAsync();
                acknowledged[order.Id] = order.Version;
                var accepted = await market.Orders.AcceptAsSupplierAsync(Marketplace.LuigisSupplier, order.Id, null, 30, cancellationToken: CancellationToken.None);
                acknowledged[order.Id] = accepted.Version;
            }
            catch (StoreUnavailableException)
            {
                await Task.Delay(20, CancellationToken.None);
            }
        }
    }
}
