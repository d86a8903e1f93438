using OrderConsole.Core.Events;
using OrderConsole.Core.Webhooks;
using OrderConsole.Tests.Infrastructure;
using OrderConsole.Tests.Support;

namespace OrderConsole.Tests.Workers;

/// <summary>Webhook deliveries to a real HTTP receiver: signed, retried with backoff, delivered once, logged — on each store.</summary>
public abstract class WebhookDeliveryTests
{
    private protected abstract Task<WebhookRig> StartAsync(string url, IReadOnlyList<string> eventTypes, TimeSpan? retryWindow = null);

    [Fact]
    public async Task A_receiver_that_fails_three_times_then_succeeds_gets_exactly_one_accepted_delivery_with_a_valid_signature()
    {
        await using var receiver = new WebhookReceiver(failFirst: 3);
        await using var webhooks = await StartAsync(receiver.Url, [OrderEventTypes.Created]);

        var order = await webhooks.CreateOrderAsync();

        await Eventually.HoldsAsync(() => !receiver.Accepted.IsEmpty, "the delivery was accepted");
        var delivery = await Eventually.ValueAsync(async () => (await webhooks.Store.ListDeliveriesAsync(webhooks.Subscription.Id, 10)).SingleOrDefault(d => d.Status == WebhookDeliveryStatus.Delivered));
        await Eventually.SettleAsync();
        var accepted = Assert.Single(receiver.Accepted);
        Assert.Equal(4, receiver.Requests);
        Assert.True(WebhookSignature.Verify(WebhookRig.Secret, accepted.Signature, accepted.Body), accepted.Signature);
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
    public async Task A_delivery_that_keeps_failing_past_the_retry_window_is_dead_lettered()
    {
        await using var receiver = new WebhookReceiver(failFirst: int.MaxValue);
        await using var webhooks = await StartAsync(receiver.Url, ["*"], retryWindow: TimeSpan.FromMilliseconds(300));

        await webhooks.CreateOrderAsync();

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
        await using var webhooks = await StartAsync(receiver.Url, [OrderEventTypes.ForStatus(Core.Orders.OrderStatus.SupplierAccepted)]);

        var order = await webhooks.CreateOrderAsync();
        await webhooks.Orders.AcceptAsSupplierAsync(Marketplace.LuigisSupplier, order.Id, null, 30);

        await Eventually.HoldsAsync(() => !receiver.Accepted.IsEmpty, "the acceptance was delivered");
        await Eventually.SettleAsync();
        Assert.Equal("order.supplier_accepted", WireJson.Deserialize<OrderEvent>(Assert.Single(receiver.Accepted).Body).EventType);
    }
}

/// <summary>On the embedded store, one consumer.</summary>
public sealed class EmbeddedWebhookDeliveryTests : WebhookDeliveryTests
{
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

    private protected override Task<WebhookRig> StartAsync(string url, IReadOnlyList<string> eventTypes, TimeSpan? retryWindow = null) =>
        WebhookRig.EmbeddedAsync(url, eventTypes, retryWindow);
}

/// <summary>On a real Redis: the webhook consumer group, the Redis delivery log and its retry schedule.</summary>
[Collection(RedisCollection.Name)]
public sealed class RedisWebhookDeliveryTests(RedisServerFixture server) : WebhookDeliveryTests
{
    private protected override Task<WebhookRig> StartAsync(string url, IReadOnlyList<string> eventTypes, TimeSpan? retryWindow = null) =>
        WebhookRig.OnRedisAsync(server, url, eventTypes, retryWindow);
}
