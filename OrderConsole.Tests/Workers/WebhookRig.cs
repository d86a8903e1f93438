using Microsoft.Extensions.Logging.Abstractions;
using OrderConsole.Core.Orders;
using OrderConsole.Core.Service;
using OrderConsole.Core.Storage.InMemory;
using OrderConsole.Core.Storage.Redis;
using OrderConsole.Core.Webhooks;
using OrderConsole.Core.Workers;
using OrderConsole.Tests.Infrastructure;
using OrderConsole.Tests.Support;

namespace OrderConsole.Tests.Workers;

/// <summary>A store with the webhook worker on the runner and the retry loop, one subscription, short delays.</summary>
internal sealed class WebhookRig : IAsyncDisposable
{
    public const string Secret = "a-long-enough-shared-secret";

    private readonly WorkerHost _host;
    private readonly WebhookRetries _retries;
    private readonly HttpClient _client;
    private readonly Func<Task<Order>> _createOrder;
    private readonly IAsyncDisposable? _market;

    private WebhookRig(OrderService orders, Func<Task<Order>> createOrder, IWebhookStore store, WebhookSubscription subscription, WorkerHost host, WebhookRetries retries, HttpClient client, IAsyncDisposable? market)
    {
        Orders = orders;
        _createOrder = createOrder;
        Store = store;
        Subscription = subscription;
        _host = host;
        _retries = retries;
        _client = client;
        _market = market;
    }

    public OrderService Orders { get; }

    public IWebhookStore Store { get; }

    public WebhookSubscription Subscription { get; }

    public Task<Order> CreateOrderAsync() => _createOrder();

    /// <summary>On the embedded store: its feed, one consumer.</summary>
    public static async Task<WebhookRig> EmbeddedAsync(string url, IReadOnlyList<string> eventTypes, TimeSpan? retryWindow = null)
    {
        var market = await Marketplace.OpenAsync();
        var streams = new InMemoryWorkerStreams(market.Feed, new FeedWorkerOptions());
        return await StartAsync(market.Orders, () => market.CreateOrderAsync(), new InMemoryWebhookStore(), streams, url, eventTypes, retryWindow, owned: null);
    }

    /// <summary>On a fresh prefix of a real Redis: the webhook consumer group and the Redis delivery log and retry schedule.</summary>
    public static async Task<WebhookRig> OnRedisAsync(RedisServerFixture server, string url, IReadOnlyList<string> eventTypes, TimeSpan? retryWindow = null)
    {
        var market = await RedisMarket.OpenNewAsync(server);
        var streams = new RedisWorkerStreams(market.Redis, market.Options, new FeedWorkerOptions());
        return await StartAsync(market.Orders, market.CreateOrderAsync, new RedisWebhookStore(market.Redis, market.Options), streams, url, eventTypes, retryWindow, new Owned(streams, market));
    }

    public async ValueTask DisposeAsync()
    {
        await _retries.StopAsync(CancellationToken.None);
        _retries.Dispose();
        await _host.DisposeAsync();
        _client.Dispose();
        if (_market is not null)
        {
            await _market.DisposeAsync();
        }
    }

    private static async Task<WebhookRig> StartAsync(
        OrderService orders, Func<Task<Order>> createOrder, IWebhookStore store, IWorkerStreams streams, string url, IReadOnlyList<string> eventTypes, TimeSpan? retryWindow, IAsyncDisposable? owned)
    {
        var subscription = new WebhookSubscription("wh_test", url, eventTypes, Secret, DateTimeOffset.UtcNow, "admin");
        await store.SaveSubscriptionAsync(subscription);
        var options = new WebhookOptions
        {
            FirstRetryDelay = TimeSpan.FromMilliseconds(40),
            MaxRetryDelay = TimeSpan.FromMilliseconds(200),
            RetryPoll = TimeSpan.FromMilliseconds(20),
            Timeout = TimeSpan.FromSeconds(10),
            RetryWindow = retryWindow ?? TimeSpan.FromHours(24),
        };
        var client = new HttpClient();
        var sender = new WebhookSender(() => client, store, options, TimeProvider.System);
        var host = await WorkerHost.StartAsync(streams, WorkerHost.FastOptions(), new WebhookWorker(store, sender, TimeProvider.System));
        var retries = new WebhookRetries(store, sender, options, TimeProvider.System, NullLogger<WebhookRetries>.Instance);
        await retries.StartAsync(CancellationToken.None);
        await Eventually.HoldsAsync(() => host.Board.Find(WebhookWorker.WorkerName)?.MeasuredAt is not null, "the webhook worker started");
        return new WebhookRig(orders, createOrder, store, subscription, host, retries, client, owned);
    }

    /// <summary>The Redis parts the rig opened, closed after its workers stop.</summary>
    private sealed class Owned(RedisWorkerStreams streams, RedisMarket market) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await streams.DisposeAsync();
            await market.DisposeAsync();
        }
    }
}
