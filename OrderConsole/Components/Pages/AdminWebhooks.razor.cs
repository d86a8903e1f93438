using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Components;
using OrderConsole.Components.Controls;
using OrderConsole.Core.Live;
using OrderConsole.Core.Orders;
using OrderConsole.Core.Webhooks;

namespace OrderConsole.Components.Pages;

/// <summary>
/// The admin's webhooks page: subscriptions (URL, event types, a secret shown only while it is typed), each one's
/// delivery log, followed every few seconds, and redelivery by hand. The same rules and sender as the API.
/// </summary>
public partial class AdminWebhooks : LivePage
{
    private const string UrlField = "url";
    private const string EventTypesField = "event_types";
    private const string SecretField = "secret";
    private const int LogLength = 100;
    private static readonly TimeSpan s_logInterval = TimeSpan.FromSeconds(2);

    private IReadOnlyList<WebhookSubscription> _subscriptions = [];
    private IReadOnlyList<WebhookDelivery> _deliveries = [];
    private WebhookSubscription? _selected;
    private string? _url;
    private IReadOnlyCollection<string> _eventTypes = [];
    private string? _secret;
    private bool _secretShown;
    private ITimer? _logRefresh;
    private string? _redelivery;

    [Inject] private IWebhookStore Webhooks { get; set; } = default!;

    [Inject] private WebhookSender Sender { get; set; } = default!;

    [Inject] private WebhookOptions WebhookSettings { get; set; } = default!;

    [Inject] private TimeProvider Clock { get; set; } = default!;

    protected override Role Desk => Role.Admin;

    protected override LiveFilter Filter => LiveFilter.Settings;

    protected override async Task OnInitializedAsync()
    {
        await base.OnInitializedAsync();
        await LoadSubscriptionsAsync();
        _logRefresh = Clock.CreateTimer(_ => _ = InvokeAsync(RefreshLogAsync), null, s_logInterval, s_logInterval);
    }

    protected override void Refresh()
    {
        // Subscriptions and deliveries live in the webhook store, not the read model: they are loaded, not followed.
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _logRefresh?.Dispose();
        }

        base.Dispose(disposing);
    }

    private static string Describe(IReadOnlyList<string> eventTypes) =>
        eventTypes.Contains(WebhookSubscription.AllEvents) ? "All events" : string.Join(", ", eventTypes.Select(EventTypeNames.Describe));

    private static string StatusWords(WebhookDelivery delivery) => delivery.Status switch
    {
        WebhookDeliveryStatus.Delivered => "Delivered",
        WebhookDeliveryStatus.Retrying => "Failed, will retry",
        WebhookDeliveryStatus.DeadLettered => "Given up",
        _ => "Waiting for its first attempt",
    };

    private static string ResponseWords(WebhookDelivery delivery) =>
        (delivery.LastStatusCode, delivery.LastResponseMilliseconds) switch
        {
            ({ } code, { } ms) => string.Create(CultureInfo.InvariantCulture, $"HTTP {code} in {ms:0} ms"),
            (null, { } ms) => string.Create(CultureInfo.InvariantCulture, $"no answer after {ms:0} ms"),
            _ => "—",
        };

    private void GenerateSecret()
    {
        _secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        _secretShown = true;
    }

    private async Task CreateAsync()
    {
        Errors.Clear();
        var types = _eventTypes.ToList();
        if (types.Count == 0)
        {
            Errors.Set(EventTypesField, "Choose at least one event type, or All events");
            return;
        }

        var created = await RunAsync("Subscribed; the secret is not shown again", async () =>
        {
            var subscription = WebhookSubscription.New(
                WebhookRules.Check(_url, types, _secret, WebhookSettings.MinSecretLength), Clock.GetUtcNow(), Actor.Name);
            await Webhooks.SaveSubscriptionAsync(subscription);
            _selected = subscription;
        });
        foreach (var field in new[] { UrlField, EventTypesField, SecretField }.Where(Errors.Has))
        {
            Errors.Set(field, Capitalized(Errors[field]!));
        }

        if (created)
        {
            (_url, _eventTypes, _secret, _secretShown) = (null, [], null, false);
            await LoadSubscriptionsAsync();
            await RefreshLogAsync();
        }
    }

    private async Task SelectAsync(WebhookSubscription subscription)
    {
        (_selected, _redelivery) = (subscription, null);
        await RefreshLogAsync();
    }

    private async Task DeleteAsync(WebhookSubscription subscription)
    {
        if (!await ConfirmAsync($"Stop sending events to {subscription.Url}? Its delivery log goes with it.", "Delete the subscription", "Delete"))
        {
            return;
        }

        if (await RunAsync($"No more events go to {subscription.Url}", () => Webhooks.DeleteSubscriptionAsync(subscription.Id)))
        {
            if (_selected?.Id == subscription.Id)
            {
                (_selected, _deliveries) = (null, []);
            }

            await LoadSubscriptionsAsync();
        }
    }

    private async Task RedeliverAsync(WebhookDelivery delivery)
    {
        if (_selected is not { } subscription)
        {
            return;
        }

        WebhookDelivery? attempted = null;
        var what = $"{EventTypeNames.Describe(delivery.EventType)} of {Time.Clock(delivery.CreatedAt, "HH:mm:ss")}";
        await RunAsync($"Sent {what} again", async () => attempted = await Sender.AttemptAsync(delivery, subscription, CancellationToken.None));
        _redelivery = attempted switch
        {
            { Status: WebhookDeliveryStatus.Delivered } => $"Redelivered {what}: {ResponseWords(attempted)}",
            { LastError: { } error } => $"Redelivering {what} failed: {error}",
            _ => _redelivery,
        };
        await RefreshLogAsync();
    }

    private async Task LoadSubscriptionsAsync() =>
        _subscriptions = [.. (await Webhooks.ListSubscriptionsAsync()).OrderBy(subscription => subscription.CreatedAt)];

    private async Task RefreshLogAsync()
    {
        if (_selected is { } subscription)
        {
            _deliveries = await Webhooks.ListDeliveriesAsync(subscription.Id, LogLength);
            StateHasChanged();
        }
    }

    private static string Capitalized(string words) => words.Length == 0 ? words : char.ToUpperInvariant(words[0]) + words[1..];
}
