namespace OrderConsole.Core.Webhooks;

/// <summary>Webhook subscriptions and their deliveries, kept in the store (Redis or the embedded journal).</summary>
public interface IWebhookStore
{
    Task SaveSubscriptionAsync(WebhookSubscription subscription, CancellationToken cancellationToken = default);

    /// <summary>False when no subscription has the id.</summary>
    Task<bool> DeleteSubscriptionAsync(string id, CancellationToken cancellationToken = default);

    Task<WebhookSubscription?> GetSubscriptionAsync(string id, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<WebhookSubscription>> ListSubscriptionsAsync(CancellationToken cancellationToken = default);

    /// <summary>Keeps <paramref name="delivery"/> unless one with its id exists; returns the one kept.</summary>
    Task<WebhookDelivery> AddDeliveryAsync(WebhookDelivery delivery, CancellationToken cancellationToken = default);

    /// <summary>Saves a delivery's new state; a retrying one becomes due at its <see cref="WebhookDelivery.NextAttemptAt"/>.</summary>
    Task SaveDeliveryAsync(WebhookDelivery delivery, CancellationToken cancellationToken = default);

    Task<WebhookDelivery?> GetDeliveryAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>A subscription's deliveries, newest first.</summary>
    Task<IReadOnlyList<WebhookDelivery>> ListDeliveriesAsync(string subscriptionId, int max, CancellationToken cancellationToken = default);

    /// <summary>
    /// Up to <paramref name="max"/> retrying deliveries due at <paramref name="now"/>, each pushed back by
    /// <paramref name="lease"/> so no other instance takes it meanwhile (and one that dies holding it lets it go).
    /// </summary>
    Task<IReadOnlyList<WebhookDelivery>> ClaimDueAsync(DateTimeOffset now, TimeSpan lease, int max, CancellationToken cancellationToken = default);
}
