using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using OrderConsole.Core.Orders;
using OrderConsole.Hosting;
using OrderConsole.Tracking;

namespace OrderConsole.Api;

/// <summary>
/// <c>GET /api/track/{tracking_id}</c> and <c>GET /api/track/supplier/{supplier_tracking_id}</c>: an order's public
/// view for anyone holding one of its public codes. Anonymous and rate limited per client address.
/// </summary>
public static class PublicTrackingApi
{
    public static IEndpointRouteBuilder MapPublicTrackingApi(this IEndpointRouteBuilder endpoints)
    {
        var track = endpoints.MapGroup("/api/track")
            .AllowAnonymous()
            .RequireRateLimiting(ConsoleRateLimits.Public)
            .WithTags("Public tracking");

        track.MapGet("/{tracking_id}", TrackByTrackingIdAsync)
            .WithName("TrackOrder")
            .WithSummary("An order's public status, stages, ETA and driver by its 8-digit tracking ID; no personal data")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        track.MapGet("/supplier/{supplier_tracking_id}", TrackBySupplierTrackingIdAsync)
            .WithName("TrackOrderBySupplierTrackingId")
            .WithSummary("An order's public status, stages, ETA and driver by the supplier's tracking ID (e.g. LUI-123); no personal data")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        return endpoints;
    }

    public static async Task<Results<Ok<PublicOrderView>, ProblemHttpResult>> TrackByTrackingIdAsync(
        [FromRoute(Name = "tracking_id")] string trackingId, OrderTracking tracking, CancellationToken cancellationToken)
    {
        if (!TrackingCodes.IsTrackingId(trackingId))
        {
            return Malformed("A tracking ID is the 8 digits on the order confirmation, e.g. 04821937.");
        }

        return await tracking.FindByTrackingIdAsync(trackingId, cancellationToken) is { } view
            ? TypedResults.Ok(view)
            : NotFound("No order has this tracking ID. Check the digits on the order confirmation.");
    }

    public static async Task<Results<Ok<PublicOrderView>, ProblemHttpResult>> TrackBySupplierTrackingIdAsync(
        [FromRoute(Name = "supplier_tracking_id")] string supplierTrackingId, OrderTracking tracking, CancellationToken cancellationToken)
    {
        // People type codes in lower case; the codes themselves are upper case.
        var code = supplierTrackingId.Trim().ToUpperInvariant();
        if (!TrackingCodes.IsSupplierTrackingId(code))
        {
            return Malformed("A supplier tracking ID is the supplier's prefix, a dash and the order number, e.g. LUI-123.");
        }

        return await tracking.FindBySupplierTrackingIdAsync(code, cancellationToken) is { } view
            ? TypedResults.Ok(view)
            : NotFound("No order has this supplier tracking ID. Check it against the supplier's receipt.");
    }

    private static ProblemHttpResult Malformed(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest, title: "Malformed tracking code");

    private static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: "Order not found");
}
