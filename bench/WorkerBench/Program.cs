// Events per second through each feed worker (counting, hub relay, webhooks): orders are created as fast as the store
// takes them while the worker follows; the figure is events handled over the time from the first write to the last
// event handled. Then ready → auto-dispatched latency through the auto-dispatch worker (AutoDispatchRun.cs), and
// orders looked at per second by the SLA watcher (SlaRun.cs).
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using RedisStoreBench;
using OrderConsole.Core.Events;
using OrderConsole.Core.Service;
using OrderConsole.Core.Storage;
using OrderConsole.Core.Storage.InMemory;
using OrderConsole.Core.Storage.Redis;
using OrderConsole.Core.Webhooks;
using OrderConsole.Core.Workers;
using OrderConsole.Tests.Workers;

const int Orders = 2_000;
Console.WriteLine($"WorkerBench: {Orders} order.created events per run, {Environment.ProcessorCount} cores, .NET {Environment.Version}");

{
    var feed = new InMemoryFeed();
    var store = new InMemoryOrderStore(TimeProvider.System, feed);
    await RunAsync("embedded", new OrderService(store, TimeProvider.System), store, new InMemoryWorkerStreams(feed, new FeedWorkerOptions()), new InMemoryWebhookStore());
    await AutoDispatchRun.RunAsync("embedded", new OrderService(store, TimeProvider.System), store, new InMemoryWorkerStreams(feed, new FeedWorkerOptions()));
    var slaFeed = new InMemoryFeed();
    var slaStore = new InMemoryOrderStore(TimeProvider.System, slaFeed);
    await SlaRun.RunAsync("embedded", new OrderService(slaStore, TimeProvider.System), slaStore);
}

await using (var server = await RedisServerProcess.StartAsync())
{
    await using var redis = await RedisStoreConnection.ConnectAsync($"127.0.0.1:{server.Port}");
    var options = new RedisStoreOptions { KeyPrefix = "bench:" };
    var store = new RedisOrderStore(redis, options, TimeProvider.System);
    await using var streams = new RedisWorkerStreams(redis, options, new FeedWorkerOptions());
    await RunAsync($"redis {server.Version}", new OrderService(store, TimeProvider.System), store, streams, new RedisWebhookStore(redis, options), $"127.0.0.1:{server.Port}");
    await AutoDispatchRun.RunAsync($"redis {server.Version}", new OrderService(store, TimeProvider.System), store, streams);
    var slaOptions = new RedisStoreOptions { KeyPrefix = "bench-sla:" };
    var slaStore = new RedisOrderStore(redis, slaOptions, TimeProvider.System);
    await SlaRun.RunAsync($"redis {server.Version}", new OrderService(slaStore, TimeProvider.System), slaStore);
}

static async Task RunAsync(string storeName, OrderService orders, IOrderStore store, IWorkerStreams streams, IWebhookStore webhooks, string? redisConnection = null)
{
    await store.SaveSupplierAsync(StoreLoad.Supplier);
    var counting = new CountingWorker();
    await MeasureAsync(storeName, counting, () => counting.Handled, orders, streams);

    var (relay, hub) = HubRelayRun.Create(redisConnection, "bench:");
    await using (hub)
    {
        var relayed = new CountingWorker(relay);
        await MeasureAsync(storeName, relayed, () => relayed.Handled, orders, streams);
    }

    await using var receiver = new WebhookReceiver();
    await webhooks.SaveSubscriptionAsync(new WebhookSubscription("wh_bench", receiver.Url, [OrderEventTypes.Created], "a-long-enough-shared-secret", DateTimeOffset.UtcNow, "bench"));
    using var client = new HttpClient();
    var sender = new WebhookSender(() => client, webhooks, new WebhookOptions(), TimeProvider.System);
    await MeasureAsync(storeName, new WebhookWorker(webhooks, sender, TimeProvider.System), () => receiver.Accepted.Count, orders, streams);
}

static async Task MeasureAsync(string storeName, IFeedWorker worker, Func<int> handled, OrderService orders, IWorkerStreams streams)
{
    var board = new WorkerStatusBoard();
    using var metrics = new WorkerMetrics(board, meters: null);
    var options = new FeedWorkerOptions { StatusInterval = TimeSpan.FromMilliseconds(100) };
    using var runner = new FeedWorkerRunner([worker], streams, options, board, metrics, TimeProvider.System, NullLogger<FeedWorkerRunner>.Instance);
    await runner.StartAsync(CancellationToken.None);
    while (board.Find(worker.Name)?.MeasuredAt is null)
    {
        await Task.Delay(10);
    }

    var start = handled();
    var clock = Stopwatch.StartNew();
    await StoreLoad.CreateOrdersAsync(orders, callers: 8, Orders);
    var written = clock.Elapsed;
    while (handled() - start < Orders)
    {
        await Task.Delay(1);
    }

    var elapsed = clock.Elapsed;
    await runner.StopAsync(CancellationToken.None);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{storeName,-14} {worker.Name,-10} {Orders / elapsed.TotalSeconds,9:0} events/s  (writes took {written.TotalMilliseconds:0} ms, last event handled after {elapsed.TotalMilliseconds:0} ms)"));
}

/// <summary>
/// Counts the <c>order.created</c> events a worker finished: alone, what the runner itself costs per event; around
/// another worker, that worker's effect plus the count.
/// </summary>
internal sealed class CountingWorker(IFeedWorker? inner = null) : IFeedWorker
{
    private int _handled;

    public string Name => inner?.Name ?? "counting";

    public int Handled => Volatile.Read(ref _handled);

    public async Task HandleAsync(OrderEvent orderEvent, CancellationToken cancellationToken)
    {
        if (inner is not null)
        {
            await inner.HandleAsync(orderEvent, cancellationToken);
        }

        if (orderEvent.EventType == OrderEventTypes.Created)
        {
            Interlocked.Increment(ref _handled);
        }
    }
}
