using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using OrderConsole.Core.Orders;
using OrderConsole.Core.Service;

namespace OrderConsole.Api;

/// <summary>
/// <c>/api/suppliers/{id}/stock</c> (the supplier's own users and admins) and <c>/api/suppliers/{id}/pricing</c>
/// (admins change, readers of the supplier read): stock levels, fees and discount codes. Rules are <see cref="SupplierDirectory"/>'s.
/// </summary>
public static class SupplierPricingApi
{
    public static RouteGroupBuilder MapSupplierPricing(this RouteGroupBuilder suppliers)
    {
        suppliers.MapGet("/{id}/stock", GetStock).WithName("GetSupplierStock")
            .WithSummary("The supplier's stock levels; an item without one is unlimited").ProducesProblem(StatusCodes.Status404NotFound);
        suppliers.MapPut("/{id}/stock", SetStock).WithName("SetSupplierStock")
            .WithSummary("Sets one item's stock level (supplier or admin)").ProducesProblem(StatusCodes.Status404NotFound);
        suppliers.MapDelete("/{id}/stock/{item}", RemoveStock).WithName("RemoveSupplierStock")
            .WithSummary("Removes an item's stock level: the item becomes unlimited (supplier or admin)").ProducesProblem(StatusCodes.Status404NotFound);
        suppliers.MapGet("/{id}/pricing", GetPricing).WithName("GetSupplierPricing")
            .WithSummary("The supplier's delivery fee, service fee and discount codes with their uses").ProducesProblem(StatusCodes.Status404NotFound);
        suppliers.MapPut("/{id}/pricing", SetPricing).WithName("SetSupplierPricing")
            .WithSummary("Replaces the supplier's delivery fee, service fee and discount codes (admin)").ProducesProblem(StatusCodes.Status404NotFound);
        return suppliers;
    }

    public static async Task<Ok<StockList>> GetStock(string id, ClaimsPrincipal user, SupplierDirectory directory, CancellationToken cancellationToken) =>
        TypedResults.Ok(StockList.From(await directory.GetStockAsync(ApiActors.Reader(user), id, cancellationToken)));

    public static async Task<Ok<StockList>> SetStock(
        string id, StockRequest request, ClaimsPrincipal user, SupplierDirectory directory, CancellationToken cancellationToken) =>
        TypedResults.Ok(StockList.From(await directory.SetStockAsync(ApiActors.Reader(user), id, request.Item, request.Quantity, cancellationToken: cancellationToken)));

    public static async Task<Ok<StockList>> RemoveStock(string id, string item, ClaimsPrincipal user, SupplierDirectory directory, CancellationToken cancellationToken) =>
        TypedResults.Ok(StockList.From(await directory.SetStockAsync(ApiActors.Reader(user), id, item, null, remove: true, cancellationToken)));

    public static async Task<Ok<PricingView>> GetPricing(string id, ClaimsPrincipal user, SupplierDirectory directory, CancellationToken cancellationToken)
    {
        var actor = ApiActors.Reader(user);
        var supplier = await directory.GetAsync(actor, id, cancellationToken);
        return TypedResults.Ok(PricingView.From(supplier, await directory.GetDiscountUsesAsync(actor, id, cancellationToken)));
    }

    public static async Task<Ok<PricingView>> SetPricing(
        string id, PricingRequest request, ClaimsPrincipal user, SupplierDirectory directory, CancellationToken cancellationToken)
    {
        var actor = ApiActors.Reader(user);
        var supplier = await directory.SetPricingAsync(actor, id, request.ToRules(), cancellationToken);
        return TypedResults.Ok(PricingView.From(supplier, await directory.GetDiscountUsesAsync(actor, id, cancellationToken)));
    }

    /// <summary><c>GET /api/orders/{id}/quote</c>: the offer's charges with a discount code and delivery place, before accepting.</summary>
    public static async Task<Ok<OrderCharges>> QuoteOffer(
        string id, [FromQuery(Name = "discount_code")] string? discountCode, [FromQuery(Name = "delivery_latitude")] double? latitude,
        [FromQuery(Name = "delivery_longitude")] double? longitude, ClaimsPrincipal user, OrderService orders, CancellationToken cancellationToken)
    {
        var actor = ApiActors.AtOneOf(user, Role.Customer);
        var details = new CustomerDetails(null, null, null) { DiscountCode = discountCode, DeliveryLatitude = latitude, DeliveryLongitude = longitude };
        return TypedResults.Ok(await orders.QuoteAsync(actor, ApiInput.OrderId(id), details, cancellationToken));
    }
}
