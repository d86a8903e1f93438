using OrderConsole.Core.Events;
using OrderConsole.Core.Orders;

namespace OrderConsole.Core.Webhooks;

/// <summary>What a subscription must be: an absolute http(s) URL, known event types (or <c>*</c>), a long enough secret.</summary>
public static class WebhookRules
{
    /// <summary>Every event type a subscription may name.</summary>
    public static IReadOnlyList<string> KnownEventTypes { get; } =
    [
        OrderEventTypes.Created,
        .. OrderStatusNames.All.Select(OrderEventTypes.ForStatus),
        OrderEventTypes.Reassigned,
        OrderEventTypes.FeedbackGiven,
        OrderEventTypes.AtRisk,
        OrderEventTypes.Late,
        OrderEventTypes.DriverUpdated,
        OrderEventTypes.SupplierUpdated,
        OrderEventTypes.SettingsUpdated,
        OrderEventTypes.BatchRolledBack,
    ];

    /// <summary>The subscription as asked for, or an <see cref="OrderValidationException"/> naming the field that is wrong.</summary>
    public static (string Url, IReadOnlyList<string> EventTypes, string Secret) Check(string? url, IReadOnlyList<string>? eventTypes, string? secret, int minSecretLength)
    {
        if (string.IsNullOrWhiteSpace(url) || !Uri.TryCreate(url.Trim(), UriKind.Absolute, out var address)
            || (address.Scheme != Uri.UriSchemeHttp && address.Scheme != Uri.UriSchemeHttps))
        {
            throw new OrderValidationException("url", $"\"{url}\" is not an absolute http or https URL; give the full address the events should be POSTed to, e.g. https://example.com/hooks/orders");
        }

        if (eventTypes is null || eventTypes.Count == 0)
        {
            throw new OrderValidationException("event_types", "name at least one event type, e.g. [\"order.created\", \"order.delivered\"], or [\"*\"] for every event");
        }

        var unknown = eventTypes.Where(type => type != WebhookSubscription.AllEvents && !KnownEventTypes.Contains(type)).ToList();
        if (unknown.Count > 0)
        {
            throw new OrderValidationException("event_types", $"{string.Join(", ", unknown.Select(type => $"\"{type}\""))} is not an event type; known types: {string.Join(", ", KnownEventTypes)}, or \"*\"");
        }

        if (string.IsNullOrEmpty(secret) || secret.Length < minSecretLength)
        {
            throw new OrderValidationException("secret", $"the secret must be at least {minSecretLength} characters, so the signatures cannot be guessed");
        }

        return (url.Trim(), [.. eventTypes.Distinct(StringComparer.Ordinal)], secret);
    }
}
