using OrderConsole.Core.Storage.Journal;
using OrderConsole.Core.Webhooks;

namespace OrderConsole.Core.Storage.InMemory;

/// <summary>
/// Webhook subscriptions and deliveries of the embedded store; with a journal every change is appended (one record
/// per write), so subscriptions, delivery logs and pending retries outlive a restart. Keeps the newest
/// <see cref="DeliveriesKept"/> deliveries per subscription.
/// </summary>
public sealed class InMemoryWebhookStore(StoreJournal? journal = null) : IWebhookStore, IJournalled
{
    public const int DeliveriesKept = 1_000;

    // Names on disk: add new ones, never rename.
    private static readonly JournalKind<WebhookSubscription> s_subscription = new("webhook");
    private static readonly JournalKind<string> s_subscriptionDeleted = new("webhook_deleted");
    private static readonly JournalKind<WebhookDelivery> s_delivery = new("webhook_delivery");

    private readonly Lock _lock = new();
    private readonly Dictionary<string, WebhookSubscription> _subscriptions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, WebhookDelivery> _deliveries = new(StringComparer.Ordinal);
    private readonly Dictionary<string, LinkedList<string>> _bySubscription = new(StringComparer.Ordinal);

    public Task SaveSubscriptionAsync(WebhookSubscription subscription, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            _subscriptions[subscription.Id] = subscription;
            journal?.Append([s_subscription.Of(subscription)]);
        }

        return Task.CompletedTask;
    }

    public Task<bool> DeleteSubscriptionAsync(string id, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            if (!_subscriptions.Remove(id))
            {
                return Task.FromResult(false);
            }

            ForgetDeliveries(id);
            journal?.Append([s_subscriptionDeleted.Of(id)]);
            return Task.FromResult(true);
        }
    }

    public Task<WebhookSubscription?> GetSubscriptionAsync(string id, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return Task.FromResult(_subscriptions.GetValueOrDefault(id));
        }
    }

    public Task<IReadOnlyList<WebhookSubscription>> ListSubscriptionsAsync(CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return Task.FromResult<IReadOnlyList<WebhookSubscription>>([.. _subscriptions.Values.OrderBy(subscription => subscription.CreatedAt)]);
        }
    }

    public Task<WebhookDelivery> AddDeliveryAsync(WebhookDelivery delivery, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            if (_deliveries.TryGetValue(delivery.Id, out var existing))
            {
                return Task.FromResult(existing);
            }

            Keep(delivery);
            journal?.Append([s_delivery.Of(delivery)]);
            return Task.FromResult(delivery);
        }
    }

    public Task SaveDeliveryAsync(WebhookDelivery delivery, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            if (!_subscriptions.ContainsKey(delivery.SubscriptionId))
            {
                return Task.CompletedTask;
            }

            Keep(delivery);
            journal?.Append([s_delivery.Of(delivery)]);
        }

        return Task.CompletedTask;
    }

    public Task<WebhookDelivery?> GetDeliveryAsync(string id, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return Task.FromResult(_deliveries.GetValueOrDefault(id));
        }
    }

    public Task<IReadOnlyList<WebhookDelivery>> ListDeliveriesAsync(string subscriptionId, int max, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            IReadOnlyList<WebhookDelivery> deliveries = _bySubscription.TryGetValue(subscriptionId, out var ids)
                ? [.. ids.Take(max).Select(id => _deliveries[id])]
                : [];
            return Task.FromResult(deliveries);
        }
    }

    public Task<IReadOnlyList<WebhookDelivery>> ClaimDueAsync(DateTimeOffset now, TimeSpan lease, int max, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            // One instance: the lease only keeps a delivery from being taken twice by overlapping passes.
            var due = _deliveries.Values
                .Where(delivery => delivery.Status == WebhookDeliveryStatus.Retrying && delivery.NextAttemptAt <= now)
                .OrderBy(delivery => delivery.NextAttemptAt)
                .Take(max)
                .ToList();
            foreach (var delivery in due)
            {
                _deliveries[delivery.Id] = delivery with { NextAttemptAt = now + lease };
            }

            return Task.FromResult<IReadOnlyList<WebhookDelivery>>(due);
        }
    }

    public void RegisterReplay(JournalReplay replay) => replay
        .On(s_subscription, subscription => _subscriptions[subscription.Id] = subscription)
        .On(s_subscriptionDeleted, id =>
        {
            _subscriptions.Remove(id);
            ForgetDeliveries(id);
        })
        .On(s_delivery, Keep);

    public IReadOnlyList<JournalChange> Snapshot()
    {
        lock (_lock)
        {
            var changes = new List<JournalChange>();
            changes.AddRange(_subscriptions.Values.Select(s_subscription.Of));

            // Oldest first, so replaying them rebuilds each log in the same order.
            changes.AddRange(_bySubscription.Values.SelectMany(ids => ids.Reverse()).Select(id => s_delivery.Of(_deliveries[id])));
            return changes;
        }
    }

    private void Keep(WebhookDelivery delivery)
    {
        if (!_deliveries.ContainsKey(delivery.Id))
        {
            var ids = _bySubscription.TryGetValue(delivery.SubscriptionId, out var list) ? list : _bySubscription[delivery.SubscriptionId] = new LinkedList<string>();
            ids.AddFirst(delivery.Id);
            while (ids.Count > DeliveriesKept)
            {
                _deliveries.Remove(ids.Last!.Value);
                ids.RemoveLast();
            }
        }

        _deliveries[delivery.Id] = delivery;
    }

    private void ForgetDeliveries(string subscriptionId)
    {
        if (_bySubscription.Remove(subscriptionId, out var ids))
        {
            foreach (var id in ids)
            {
                _deliveries.Remove(id);
            }
        }
    }
}
