namespace OrderConsole.Core.Webhooks;

/// <summary>Where an integration wants events POSTed: its URL, the event types it wants (<c>*</c> for all) and the secret the deliveries are signed with.</summary>
public sealed record WebhookSubscription(string Id, string Url, IReadOnlyList<string> EventTypes, string Secret, DateTimeOffset CreatedAt, string CreatedBy)
{
    public const string AllEvents = "*";

    public bool Wants(string eventType) => EventTypes.Contains(AllEvents) || EventTypes.Contains(eventType);
}
