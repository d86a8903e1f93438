using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using OrderConsole.Accounts;
using OrderConsole.Core.Orders;
using OrderConsole.Core.Storage;
using OrderConsole.Hosting;
using OrderConsole.Tracking;

namespace OrderConsole.Api;

/// <summary>
/// <c>GET /api/track/{tracking_id}</c>: an order's public view for anyone holding its random 8-digit tracking ID,
/// anonymous and rate limited per client address, without the driver's position (only the unguessable tracking
/// link shows where the driver is). <c>GET /api/track/supplier/{supplier_tracking_id}</c>: the same by the supplier's
/// sequential ID, for staff who may see the order — a sequence is no secret, so it opens nothing to the public.
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
        endpoints.MapGet("/api/track/supplier/{supplier_tracking_id}", TrackBySupplierTrackingIdAsync)
            .RequireStaff(ConsoleRoles.Supplier, ConsoleRoles.Dispatcher, ConsoleRoles.Driver, ConsoleRoles.Customer)
            .WithName("TrackOrderBySupplierTrackingId")
            .WithTags("Public tracking")
            .WithSummary("Staff: an order's public status, stages, ETA and driver by the supplier's tracking ID (e.g. LUI-123), for orders the caller may see")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
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
            ? TypedResults.Ok(view with { DriverPosition = null })
            : NotFound("No order has this tracking ID. Check the digits on the order confirmation.");
    }

    public static async Task<Results<Ok<PublicOrderView>, ProblemHttpResult>> TrackBySupplierTrackingIdAsync(
        [FromRoute(Name = "supplier_tracking_id")] string supplierTrackingId, ClaimsPrincipal user, OrderTracking tracking, IOrderStore store,
        CancellationToken cancellationToken)
    {
        var reader = ApiActors.Reader(user);
        // People type codes in lower case; the codes themselves are upper case.
        var code = supplierTrackingId.Trim().ToUpperInvariant();
        if (!TrackingCodes.IsSupplierTrackingId(code))
        {
            return Malformed("A supplier tracking ID is the supplier's prefix, a dash and the order number, e.g. LUI-123.");
        }

        return await store.FindBySupplierTrackingIdAsync(code, cancellationToken) is { } order && OrderAccess.CanSee(reader, order)
            ? TypedResults.Ok(await tracking.ViewAsync(order, cancellationToken))
            : NotFound("No order has this supplier tracking ID. Check it against the supplier's receipt.");
    }

    private static ProblemHttpResult Malformed(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest, title: "Malformed tracking code");

    private static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: "Order not found");
}
