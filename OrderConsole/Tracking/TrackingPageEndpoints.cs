using System.Globalization;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Http.HttpResults;
using OrderConsole.Components.Tracking;
using OrderConsole.Core.Observability;
using OrderConsole.Hosting;

namespace OrderConsole.Tracking;

/// <summary>
/// The public tracking page <c>/track/{token}</c> and its live stream <c>/track/{token}/events</c>. The page is
/// rendered once on the server (no circuit, no framework script), complete without JavaScript; its own small
/// script follows the stream, so thousands of customers cost an open request each and nothing more.
/// </summary>
public static class TrackingPageEndpoints
{
    /// <summary>The SSE event type that carries a <see cref="PublicOrderView"/>.</summary>
    public const string OrderEventType = "order";

    public static IEndpointRouteBuilder MapTrackingPage(this IEndpointRouteBuilder endpoints)
    {
        var track = endpoints.MapGroup("/track")
            .AllowAnonymous()
            .RequireRateLimiting(ConsoleRateLimits.Public)
            .WithTags("Public tracking");

        track.MapGet("/{token}", ShowAsync)
            .WithName("PublicTrackingPage")
            .ExcludeFromDescription();
        track.MapGet("/{token}/events", FollowAsync)
            .WithName("FollowOrder")
            .WithSummary("Server-Sent Events: the order's public view now, then after each change; ends after delivery or cancellation");
        return endpoints;
    }

    public static async Task<Results<RazorComponentResult<TrackingPage>, RazorComponentResult<TrackingNotFound>>> ShowAsync(
        string token, OrderTracking tracking, TimeProvider clock, HttpContext context, CancellationToken cancellationToken)
    {
        // The page changes as the order moves; the link is a secret, so nothing on the way may keep a copy.
        context.Response.Headers.CacheControl = "no-store";
        context.Response.Headers["X-Robots-Tag"] = "noindex";
        if (await tracking.FindByTokenAsync(token, cancellationToken) is not { } order)
        {
            return new RazorComponentResult<TrackingNotFound> { StatusCode = StatusCodes.Status404NotFound };
        }

        OrderMetrics.RecordTrackingPageView();
        var view = await tracking.ViewAsync(order, cancellationToken);
        return new RazorComponentResult<TrackingPage>(new Dictionary<string, object?>
        {
            [nameof(TrackingPage.View)] = view,
            [nameof(TrackingPage.Now)] = clock.GetUtcNow(),
        });
    }

    public static async Task<Results<ServerSentEventsResult<PublicOrderView>, NotFound>> FollowAsync(
        string token, OrderTracking tracking, CancellationToken cancellationToken)
    {
        if (await tracking.FindByTokenAsync(token, cancellationToken) is not { } order)
        {
            return TypedResults.NotFound();
        }

        // The result enumerates with the request's abort token, which ends the live subscription with the request.
        return TypedResults.ServerSentEvents(EventsOf(tracking, order.Id, CancellationToken.None));
    }

    private static async IAsyncEnumerable<SseItem<PublicOrderView>> EventsOf(
        OrderTracking tracking, Guid orderId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var view in tracking.FollowAsync(orderId, cancellationToken))
        {
            yield return new SseItem<PublicOrderView>(view, OrderEventType) { EventId = view.Version.ToString(CultureInfo.InvariantCulture) };
        }
    }
}
