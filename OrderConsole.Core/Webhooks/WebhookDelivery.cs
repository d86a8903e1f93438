namespace OrderConsole.Core.Webhooks;

/// <summary>Where a delivery is: waiting for its first attempt, retrying after failures, delivered, or given up on.</summary>
public enum WebhookDeliveryStatus
{
    Pending,
    Retrying,
    Delivered,
    DeadLettered,
}

/// <summary>
/// One event for one subscription, with its delivery log: the body exactly as sent (so a redelivery sends the same
/// bytes), attempts, the last answer and how long it took. Its id is the subscription's and the event's together,
/// so an event handed to the webhook worker twice is delivered once.
/// </summary>
public sealed record WebhookDelivery
{
    public required string Id { get; init; }
    public required string SubscriptionId { get; init; }
    public required string EventId { get; init; }
    public required string EventType { get; init; }
    public required string Body { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public WebhookDeliveryStatus Status { get; init; }
    public int Attempts { get; init; }
    public DateTimeOffset? NextAttemptAt { get; init; }
    public DateTimeOffset? LastAttemptAt { get; init; }
    public int? LastStatusCode { get; init; }
    public double? LastResponseMilliseconds { get; init; }
    public string? LastError { get; init; }
    public DateTimeOffset? DeliveredAt { get; init; }

    public static string IdFor(string subscriptionId, string eventId) => $"{subscriptionId}:{eventId}";
}
