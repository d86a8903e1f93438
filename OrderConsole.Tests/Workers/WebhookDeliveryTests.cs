using Microsoft.Extensions.Logging.Abstractions;
using OrderConsole.Core.Events;
using OrderConsole.Core.Storage.InMemory;
using OrderConsole.Core.Webhooks;
using OrderConsole.Core.Workers;
using OrderConsole.Tests.Support;

namespace OrderConsole.Tests.Workers;

/// <summary>Webhook deliveries to a real HTTP receiver: signed, retried with backoff, delivered once, logged.</summary>
public sealed class WebhookDeliveryTests
{
    private const string Secret = "a-long-enough-shared-secret";

    [Fact]
    public async Task A_receiver_that_fails_three_times_then_succeeds_gets_exactly_one_accepted_delivery_with_a_valid_signature()
    {
        await using var receiver = new WebhookReceiver(failFirst: 3);
        await using var webhooks = await WebhookRig.StartAsync(receiver.Url, [OrderEventTypes.Created]);

        var order = await webhooks.Market.CreateOrderAsync();

        await Eventually.HoldsAsync(() => !receiver.Accepted.IsEmpty, "the delivery was accepted");
        var delivery = await Eventually.ValueAsync(async () => (await webhooks.Store.ListDeliveriesAsync(webhooks.Subscription.Id, 10)).SingleOrDefault(d => d.Status == WebhookDeliveryStatus.Delivered));
        await Eventually.SettleAsync();
        var accepted = Assert.Single(receiver.Accepted);
        Assert.Equal(4, receiver.Requests);
        Assert.True(WebhookSignature.Verify(Secret, accepted.Signature, accepted.Body), accepted.Signature);
        Assert.Matches("^t=[0-9]+,v1=[0-9a-f]{64}$", accepted.Signature);
        var envelope = WireJson.Deserialize<OrderEvent>(accepted.Body);
        Assert.Equal(order.Id, envelope.OrderId);
        Assert.Equal(OrderEventTypes.Created, envelope.EventType);
        Assert.Equal(envelope.EventId, accepted.EventId);
        Assert.Equal(4, delivery.Attempts);
        Assert.Equal(204, delivery.LastStatusCode);
        Assert.NotNull(delivery.LastResponseMilliseconds);
    }

    [Fact]
    public void The_signature_is_the_hmac_of_the_timestamp_and_the_raw_body()
    {
        var header = WebhookSignature.Sign("secret", 1_700_000_000, "{\"a\":1}");

        // HMAC-SHA256("secret", "1700000000.{\"a\":1}") computed independently.
        var expected = Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData("secret"u8.ToArray(), "1700000000.{\"a\":1}"u8.ToArray()));
        Assert.Equal($"t=1700000000,v1={expected}", header);
        Assert.False(WebhookSignature.Verify("other secret", header, "{\"a\":1}"));
        Assert.False(WebhookSignature.Verify("secret", header, "{\"a\":2}"));
    }

    [Fact]
    public async Task A_delivery_that_keeps_failing_past_the_retry_window_is_dead_lettered()
    {
        await using var receiver = new WebhookReceiver(failFirst: int.MaxValue);
        await using var webhooks = await WebhookRig.StartAsync(receiver.Url, ["*"], retryWindow: TimeSpan.FromMilliseconds(300));

        await webhooks.Market.CreateOrderAsync();

        var dead = await Eventually.ValueAsync(async () => (await webhooks.Store.ListDeliveriesAsync(webhooks.Subscription.Id, 10)).SingleOrDefault(d => d.Status == WebhookDeliveryStatus.DeadLettered));
        Assert.Contains("500", dead.LastError, StringComparison.Ordinal);
        Assert.Null(dead.NextAttemptAt);
        Assert.Equal(dead.Attempts, receiver.Requests);
        Assert.Empty(receiver.Accepted);
    }

    [Fact]
    public async Task Only_the_subscribed_event_types_are_delivered()
    {
        await using var receiver = new WebhookReceiver();
        await using var webhooks = await WebhookRig.StartAsync(receiver.Url, [OrderEventTypes.ForStatus(Core.Orders.OrderStatus.SupplierAccepted)]);

        var order = await webhooks.Market.CreateOrderAsync();
        await webhooks.Market.Orders.AcceptAsSupplierAsync(Marketplace.LuigisSupplier, order.Id, null, 30);

        await Eventually.HoldsAsync(() => !receiver.Accepted.IsEmpty, "the acceptance was delivered");
        await Eventually.SettleAsync();
        Assert.Equal("order.supplier_accepted", WireJson.Deserialize<OrderEvent>(Assert.Single(receiver.Accepted).Body).EventType);
    }

    /// <summary>The embedded store with the webhook worker on the runner and the retry loop, short delays.</summary>
    private sealed class WebhookRig : IAsyncDisposable
    {
        private readonly WorkerHost _host;
        private readonly WebhookRetries _retries;
        private readonly HttpClient _client;

        private WebhookRig(Marketplace market, InMemoryWebhookStore store, WebhookSubscription subscription, WorkerHost host, WebhookRetries retries, HttpClient client)
        {
            Market = market;
            Store = store;
            Subscription = subscription;
            _host = host;
            _retries = retries;
            _client = client;
        }

        public Marketplace Market { get; }

        public InMemoryWebhookStore Store { get; }

        public WebhookSubscription Subscription { get; }

        public static async Task<WebhookRig> StartAsync(string url, IReadOnlyList<string> eventTypes, TimeSpan? retryWindow = null)
        {
            var market = await Marketplace.OpenAsync();
            var store = new InMemoryWebhookStore();
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
            var host = await WorkerHost.StartAsync(new InMemoryWorkerStreams(market.Feed, new FeedWorkerOptions()), WorkerHost.FastOptions(), new WebhookWorker(store, sender, TimeProvider.System));
            var retries = new WebhookRetries(store, sender, options, TimeProvider.System, NullLogger<WebhookRetries>.Instance);
            await retries.StartAsync(CancellationToken.None);
            await Eventually.HoldsAsync(() => host.Board.Find(WebhookWorker.WorkerName)?.MeasuredAt is not null, "the webhook worker started");
            return new WebhookRig(market, store, subscription, host, retries, client);
        }

        public async ValueTask DisposeAsync()
        {
            await _retries.StopAsync(CancellationToken.None);
            _retries.Dispose();
            await _host.DisposeAsync();
            _client.Dispose();
        }
    }
}
