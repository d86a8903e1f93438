using OrderConsole.Core.Events;
using OrderConsole.Core.Workers;

namespace OrderConsole.Core.Webhooks;

/// <summary>
/// The <c>webhooks</c> worker: for each subscription that wants the event, keeps a delivery (once per subscription
/// and event id) and makes its first attempt at once; failures are retried by <see cref="WebhookRetries"/>.
/// </summary>
public sealed class WebhookWorker(IWebhookStore store, WebhookSender sender, TimeProvider clock) : IFeedWorker
{
    public const string WorkerName = "webhooks";

    public string Name => WorkerName;

    public async Task HandleAsync(OrderEvent orderEvent, CancellationToken cancellationToken)
    {
        string? body = null;
        foreach (var subscription in await store.ListSubscriptionsAsync(cancellationToken))
        {
            if (!subscription.Wants(orderEvent.EventType))
            {
                continue;
            }

            body ??= WireJson.Serialize(orderEvent);
            var delivery = await store.AddDeliveryAsync(
                new WebhookDelivery
                {
                    Id = WebhookDelivery.IdFor(subscription.Id, orderEvent.EventId),
                    SubscriptionId = subscription.Id,
                    EventId = orderEvent.EventId,
                    EventType = orderEvent.EventType,
                    Body = body,
                    CreatedAt = clock.GetUtcNow(),
                },
                cancellationToken);

            // Handed the event again (a crash before the acknowledgement): only a delivery never attempted is tried here.
            if (delivery.Status == WebhookDeliveryStatus.Pending)
            {
                await sender.AttemptAsync(delivery, subscription, cancellationToken);
            }
        }
    }
}
