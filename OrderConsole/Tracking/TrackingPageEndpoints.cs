using System.Globalization;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using OrderConsole.Components.Tracking;
using OrderConsole.Core.Observability;
using OrderConsole.Core.Orders;
using OrderConsole.Core.Service;
using OrderConsole.Hosting;

namespace OrderConsole.Tracking;

/// <summary>
/// The public tracking page <c>/track/{token}</c> and its live stream <c>/track/{token}/events</c>. The page is
/// rendered once on the server (no circuit, no framework script), complete without JavaScript; its own small
/// script follows the stream, so thousands of customers cost an open request each and nothing more. After delivery
/// the page's form posts the customer's rating back to <c>/track/{token}</c>, once per order.
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
        track.MapPost("/{token}", GiveFeedbackAsync)
            .WithName("GiveFeedback")
            .WithSummary("The tracking page's form: 1–5 stars and an optional comment for a delivered order, once; answers with the page")
            .DisableAntiforgery() // checked below, so a stale form gets the page with a message rather than a bare 400
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
        return Page(await tracking.ViewAsync(order, cancellationToken), clock, new Dictionary<string, object?>());
    }

    /// <summary>
    /// The feedback form's post: on success back to the page (which now thanks the customer); otherwise the page
    /// again with the message beside the field, the choice kept, and nothing stored.
    /// </summary>
    public static async Task<Results<RedirectHttpResult, RazorComponentResult<TrackingPage>, RazorComponentResult<TrackingNotFound>>> GiveFeedbackAsync(
        string token, [FromForm] string? stars, [FromForm] string? comment, OrderService orders, OrderTracking tracking,
        IAntiforgery antiforgery, TimeProvider clock, HttpContext context, CancellationToken cancellationToken)
    {
        context.Response.Headers.CacheControl = "no-store";
        context.Response.Headers["X-Robots-Tag"] = "noindex";
        if (await tracking.FindByTokenAsync(token, cancellationToken) is not { } order)
        {
            return new RazorComponentResult<TrackingNotFound> { StatusCode = StatusCodes.Status404NotFound };
        }

        var given = int.TryParse(stars, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : (int?)null;
        var refusal = new Dictionary<string, object?>
        {
            [nameof(TrackingPage.ChosenStars)] = given,
            [nameof(TrackingPage.ChosenComment)] = comment,
        };
        int status;
        if (!await antiforgery.IsRequestValidAsync(context))
        {
            refusal[nameof(TrackingPage.FeedbackMessage)] = "This form had expired. Choose your rating again and send it once more.";
            status = StatusCodes.Status400BadRequest;
        }
        else
        {
            try
            {
                await orders.GiveFeedbackAsync(token, given, comment, cancellationToken);
                return TypedResults.Redirect($"/track/{token}");
            }
            catch (OrderValidationException invalid)
            {
                refusal[nameof(TrackingPage.FeedbackErrors)] = new Dictionary<string, string> { [invalid.Field] = Sentence(invalid.Message) };
                status = StatusCodes.Status400BadRequest;
            }
            catch (OrderConflictException conflict)
            {
                refusal[nameof(TrackingPage.FeedbackMessage)] = Sentence(conflict.Message);
                status = StatusCodes.Status409Conflict;
            }

            order = await tracking.FindByTokenAsync(token, cancellationToken) ?? order;
        }

        var page = Page(await tracking.ViewAsync(order, cancellationToken), clock, refusal);
        page.StatusCode = status;
        return page;
    }

    private static RazorComponentResult<TrackingPage> Page(PublicOrderView view, TimeProvider clock, Dictionary<string, object?> extra)
    {
        extra[nameof(TrackingPage.View)] = view;
        extra[nameof(TrackingPage.Now)] = clock.GetUtcNow();
        extra[nameof(TrackingPage.AsksForFeedback)] = true;
        return new RazorComponentResult<TrackingPage>(extra);
    }

    /// <summary>"choose a rating…" as a sentence for the page: capitalised, with a full stop.</summary>
    private static string Sentence(string message) =>
        message.Length == 0 ? message : string.Concat(char.ToUpperInvariant(message[0]).ToString(), message[1..], message.EndsWith('.') ? string.Empty : ".");

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
