namespace OrderConsole.Core.Webhooks;

/// <summary>Where an integration wants events POSTed: its URL, the event types it wants (<c>*</c> for all) and the secret the deliveries are signed with.</summary>
public sealed record WebhookSubscription(string Id, string Url, IReadOnlyList<string> EventTypes, string Secret, DateTimeOffset CreatedAt, string CreatedBy)
{
    public const string AllEvents = "*";

    /// <summary>A new subscription as <see cref="WebhookRules.Check"/> passed it, with a fresh id.</summary>
    public static WebhookSubscription New((string Url, IReadOnlyList<string> EventTypes, string Secret) checkedRequest, DateTimeOffset at, string by) =>
        new($"wh_{Guid.NewGuid():N}", checkedRequest.Url, checkedRequest.EventTypes, checkedRequest.Secret, at, by);

    public bool Wants(string eventType) => EventTypes.Contains(AllEvents) || EventTypes.Contains(eventType);
}
