using Microsoft.Extensions.Logging.Abstractions;
using OrderConsole.Core.Live;
using OrderConsole.Core.Orders;
using OrderConsole.Core.Service;
using OrderConsole.Core.Storage.Redis;
using OrderConsole.Tests.Infrastructure;

namespace OrderConsole.Tests.Support;

/// <summary>
/// One console instance's worth of Redis parts — its own connection, store, feed, order service and live
/// read model — on a key prefix that several instances (or one test) share.
/// </summary>
public sealed class RedisMarket : IAsyncDisposable
{
    private RedisMarket(RedisStoreConnection redis, RedisStoreOptions options, LiveOrdersOptions? live)
    {
        Redis = redis;
        Options = options;
        Store = new RedisOrderStore(redis, options, TimeProvider.System);
        Feed = new RedisOrderFeed(redis, options);
        Orders = new OrderService(Store, TimeProvider.System);
        Live = new LiveOrders(Store, Feed, TimeProvider.System, live ?? new LiveOrdersOptions { FeedWait = TimeSpan.FromSeconds(1) }, NullLogger<LiveOrders>.Instance);
    }

    public RedisStoreConnection Redis { get; }

    public RedisStoreOptions Options { get; }

    public RedisOrderStore Store { get; }

    public RedisOrderFeed Feed { get; }

    public OrderService Orders { get; }

    public LiveOrders Live { get; }

    /// <summary>A fresh prefix with Luigi's, Napoli and two drivers saved.</summary>
    public static async Task<RedisMarket> OpenNewAsync(RedisServerFixture server, string connectionOptions = "")
    {
        var market = await JoinAsync(server, $"t{Guid.NewGuid():N}:", connectionOptions);
        await market.Store.SaveSupplierAsync(Samples.Luigis);
        await market.Store.SaveSupplierAsync(Samples.Napoli);
        await market.Store.SaveDriverAsync(Samples.Ana, "setup");
        await market.Store.SaveDriverAsync(Samples.Ben, "setup");
        return market;
    }

    /// <summary>Another instance on the same prefix, with a connection of its own.</summary>
    public static async Task<RedisMarket> JoinAsync(RedisServerFixture server, string prefix, string connectionOptions = "", LiveOrdersOptions? live = null) =>
        new(await server.ConnectAsync(connectionOptions), new RedisStoreOptions { KeyPrefix = prefix }, live);

    public Task<RedisMarket> JoinAsync(RedisServerFixture server, LiveOrdersOptions? live = null) => JoinAsync(server, Options.KeyPrefix, live: live);

    public Task StartLiveAsync() => Live.StartAsync(CancellationToken.None);

    public Task<Order> CreateOrderAsync() =>
        Orders.CreateAsync(Marketplace.LuigisSupplier, new CreateOrder("luigis", [new OrderItem("Margherita", 1, 10m)]));

    public async ValueTask DisposeAsync()
    {
        await Live.StopAsync(CancellationToken.None);
        Live.Dispose();
        await Feed.DisposeAsync();
        await Redis.DisposeAsync();
    }
}
