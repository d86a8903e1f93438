using OrderConsole.Core.Events;
using OrderConsole.Core.Webhooks;
using StackExchange.Redis;
using SortOrder = StackExchange.Redis.Order;

namespace OrderConsole.Core.Storage.Redis;

/// <summary>
/// Webhook subscriptions and deliveries on Redis: <c>{p}webhooks</c> hash (id → json), <c>{p}webhook:{id}:deliveries</c>
/// sorted set of delivery ids by creation, <c>{p}webhook:delivery:{delivery id}</c> json, <c>{p}webhooks:due</c> retries by due time.
/// </summary>
public sealed class RedisWebhookStore(RedisStoreConnection redis, RedisStoreOptions options) : IWebhookStore
{
    private readonly string _prefix = options.KeyPrefix;

    public Task SaveSubscriptionAsync(WebhookSubscription subscription, CancellationToken cancellationToken = default) =>
        redis.RunAsync("HSET", db => db.HashSetAsync(_prefix + "webhooks", subscription.Id, WireJson.Serialize(subscription)), cancellationToken);

    public async Task<bool> DeleteSubscriptionAsync(string id, CancellationToken cancellationToken = default) =>
        (int)await redis.RunScriptAsync(RedisWebhookScripts.Delete, [_prefix, id], cancellationToken) == 1;

    public async Task<WebhookSubscription?> GetSubscriptionAsync(string id, CancellationToken cancellationToken = default)
    {
        var json = await redis.RunAsync("HGET", db => db.HashGetAsync(_prefix + "webhooks", id), cancellationToken);
        return json.IsNullOrEmpty ? null : WireJson.Deserialize<WebhookSubscription>(json.ToString());
    }

    public async Task<IReadOnlyList<WebhookSubscription>> ListSubscriptionsAsync(CancellationToken cancellationToken = default)
    {
        var all = await redis.RunAsync("HVALS", db => db.HashValuesAsync(_prefix + "webhooks"), cancellationToken);
        return [.. all.Select(json => WireJson.Deserialize<WebhookSubscription>(json.ToString())).OrderBy(subscription => subscription.CreatedAt)];
    }

    public async Task<WebhookDelivery> AddDeliveryAsync(WebhookDelivery delivery, CancellationToken cancellationToken = default)
    {
        var kept = await redis.RunScriptAsync(
            RedisWebhookScripts.Add,
            [_prefix, delivery.SubscriptionId, delivery.Id, WireJson.Serialize(delivery), delivery.CreatedAt.ToUnixTimeMilliseconds(), InMemory.InMemoryWebhookStore.DeliveriesKept],
            cancellationToken);
        return WireJson.Deserialize<WebhookDelivery>(kept.ToString()!);
    }

    public Task SaveDeliveryAsync(WebhookDelivery delivery, CancellationToken cancellationToken = default)
    {
        RedisValue due = delivery is { Status: WebhookDeliveryStatus.Retrying, NextAttemptAt: { } at } ? at.ToUnixTimeMilliseconds() : string.Empty;
        return redis.RunScriptAsync(RedisWebhookScripts.Save, [_prefix, delivery.SubscriptionId, delivery.Id, WireJson.Serialize(delivery), due], cancellationToken);
    }

    public async Task<WebhookDelivery?> GetDeliveryAsync(string id, CancellationToken cancellationToken = default)
    {
        var json = await redis.RunAsync("GET", db => db.StringGetAsync(Delivery(id)), cancellationToken);
        return json.IsNullOrEmpty ? null : WireJson.Deserialize<WebhookDelivery>(json.ToString());
    }

    public async Task<IReadOnlyList<WebhookDelivery>> ListDeliveriesAsync(string subscriptionId, int max, CancellationToken cancellationToken = default)
    {
        var ids = await redis.RunAsync("ZREVRANGE", db => db.SortedSetRangeByRankAsync($"{_prefix}webhook:{subscriptionId}:deliveries", 0, max - 1, SortOrder.Descending), cancellationToken);
        if (ids.Length == 0)
        {
            return [];
        }

        var jsons = await redis.RunAsync("MGET", db => db.StringGetAsync([.. ids.Select(id => (RedisKey)Delivery(id.ToString()))]), cancellationToken);
        return [.. jsons.Where(json => !json.IsNullOrEmpty).Select(json => WireJson.Deserialize<WebhookDelivery>(json.ToString()))];
    }

    public async Task<IReadOnlyList<WebhookDelivery>> ClaimDueAsync(DateTimeOffset now, TimeSpan lease, int max, CancellationToken cancellationToken = default)
    {
        var claimed = await redis.RunScriptAsync(
            RedisWebhookScripts.ClaimDue, [_prefix, now.ToUnixTimeMilliseconds(), (now + lease).ToUnixTimeMilliseconds(), max], cancellationToken);
        return [.. ((RedisResult[])claimed!).Select(json => WireJson.Deserialize<WebhookDelivery>(json.ToString()!))];
    }

    private string Delivery(string id) => $"{_prefix}webhook:delivery:{id}";
}
