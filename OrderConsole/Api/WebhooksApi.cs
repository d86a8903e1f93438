using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using OrderConsole.Core.Storage;
using OrderConsole.Core.Webhooks;

namespace OrderConsole.Api;

/// <summary>
/// <c>/api/webhooks</c> (admins): subscriptions that get events POSTed, signed with their secret; each one's
/// delivery log, and redelivery by hand.
/// </summary>
public static class WebhooksApi
{
    public static IEndpointRouteBuilder MapWebhooksApi(this IEndpointRouteBuilder endpoints)
    {
        var webhooks = endpoints.MapGroup("/api/webhooks")
            .RequireStaff()
            .WithTags("Webhooks")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        webhooks.MapGet("/", ListWebhooks).WithName("ListWebhooks").WithSummary("Every webhook subscription (secrets are never shown)");
        webhooks.MapPost("/", CreateWebhook).WithName("CreateWebhook").WithSummary("Subscribes a URL to event types (or \"*\"), signed with a secret");
        webhooks.MapGet("/{id}", GetWebhook).WithName("GetWebhook").WithSummary("One subscription").ProducesProblem(StatusCodes.Status404NotFound);
        webhooks.MapDelete("/{id}", DeleteWebhook).WithName("DeleteWebhook").WithSummary("Ends a subscription; its deliveries stop").ProducesProblem(StatusCodes.Status404NotFound);
        webhooks.MapGet("/{id}/deliveries", ListDeliveries).WithName("ListWebhookDeliveries")
            .WithSummary("The subscription's delivery log, newest first: status, attempts, last answer and response time").ProducesProblem(StatusCodes.Status404NotFound);
        webhooks.MapPost("/{id}/deliveries/{deliveryId}/redeliver", Redeliver).WithName("RedeliverWebhook")
            .WithSummary("Sends a delivery again now, whatever its status; answers with the attempt's outcome").ProducesProblem(StatusCodes.Status404NotFound);
        return endpoints;
    }

    public static async Task<Ok<WebhookList>> ListWebhooks(IWebhookStore store, CancellationToken cancellationToken) =>
        TypedResults.Ok(new WebhookList([.. (await store.ListSubscriptionsAsync(cancellationToken)).Select(WebhookView.From)]));

    public static async Task<Created<WebhookView>> CreateWebhook(
        WebhookRequest request, ClaimsPrincipal user, IWebhookStore store, WebhookOptions options, TimeProvider clock, CancellationToken cancellationToken)
    {
        var subscription = WebhookSubscription.New(
            WebhookRules.Check(request.Url, request.EventTypes, request.Secret, options.MinSecretLength), clock.GetUtcNow(), user.Identity?.Name ?? "admin");
        await store.SaveSubscriptionAsync(subscription, cancellationToken);
        return TypedResults.Created($"/api/webhooks/{subscription.Id}", WebhookView.From(subscription));
    }

    public static async Task<Ok<WebhookView>> GetWebhook(string id, IWebhookStore store, CancellationToken cancellationToken) =>
        TypedResults.Ok(WebhookView.From(await FindAsync(store, id, cancellationToken)));

    public static async Task<NoContent> DeleteWebhook(string id, IWebhookStore store, CancellationToken cancellationToken) =>
        await store.DeleteSubscriptionAsync(id, cancellationToken) ? TypedResults.NoContent() : throw new NotInDirectoryException("webhook subscription", id);

    public static async Task<Ok<WebhookDeliveryList>> ListDeliveries(string id, IWebhookStore store, CancellationToken cancellationToken, int limit = 100)
    {
        await FindAsync(store, id, cancellationToken);
        var deliveries = await store.ListDeliveriesAsync(id, Math.Clamp(limit, 1, 1_000), cancellationToken);
        return TypedResults.Ok(new WebhookDeliveryList([.. deliveries.Select(WebhookDeliveryView.From)]));
    }

    public static async Task<Ok<WebhookDeliveryView>> Redeliver(
        string id, string deliveryId, IWebhookStore store, WebhookSender sender, CancellationToken cancellationToken)
    {
        var subscription = await FindAsync(store, id, cancellationToken);
        var delivery = await store.GetDeliveryAsync(deliveryId, cancellationToken) is { } found && found.SubscriptionId == id
            ? found
            : throw new NotInDirectoryException("delivery", deliveryId);
        return TypedResults.Ok(WebhookDeliveryView.From(await sender.AttemptAsync(delivery, subscription, cancellationToken)));
    }

    private static async Task<WebhookSubscription> FindAsync(IWebhookStore store, string id, CancellationToken cancellationToken) =>
        await store.GetSubscriptionAsync(id, cancellationToken) ?? throw new NotInDirectoryException("webhook subscription", id);
}

/// <summary>A subscription as asked for: <c>{url, event_types, secret}</c>.</summary>
public sealed record WebhookRequest(string? Url, IReadOnlyList<string>? EventTypes, string? Secret);

/// <summary>A subscription as shown: everything but its secret.</summary>
public sealed record WebhookView(string Id, string Url, IReadOnlyList<string> EventTypes, DateTimeOffset CreatedAt, string CreatedBy)
{
    public static WebhookView From(WebhookSubscription subscription) =>
        new(subscription.Id, subscription.Url, subscription.EventTypes, subscription.CreatedAt, subscription.CreatedBy);
}

public sealed record WebhookList(IReadOnlyList<WebhookView> Webhooks);

/// <summary>One line of a delivery log.</summary>
public sealed record WebhookDeliveryView(
    string Id, string EventId, string EventType, WebhookDeliveryStatus Status, int Attempts, int? LastStatusCode, double? LastResponseMilliseconds,
    string? LastError, DateTimeOffset CreatedAt, DateTimeOffset? LastAttemptAt, DateTimeOffset? NextAttemptAt, DateTimeOffset? DeliveredAt)
{
    public static WebhookDeliveryView From(WebhookDelivery delivery) => new(
        delivery.Id, delivery.EventId, delivery.EventType, delivery.Status, delivery.Attempts, delivery.LastStatusCode, delivery.LastResponseMilliseconds,
        delivery.LastError, delivery.CreatedAt, delivery.LastAttemptAt, delivery.NextAttemptAt, delivery.DeliveredAt);
}

public sealed record WebhookDeliveryList(IReadOnlyList<WebhookDeliveryView> Deliveries);
