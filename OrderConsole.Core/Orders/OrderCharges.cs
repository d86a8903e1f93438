namespace OrderConsole.Core.Orders;

/// <summary>
/// What the customer pays, line by line, in cents: the items (supplier price plus markup), the delivery fee,
/// the service fee, less any discount. Computed for the offer before acceptance and kept on the order after.
/// </summary>
public sealed record OrderCharges
{
    public required decimal ItemsPrice { get; init; }
    public decimal DeliveryFee { get; init; }

    /// <summary>The pickup-to-delivery distance the per-km fee was charged on (0.01 km), when both places were known.</summary>
    public decimal? DeliveryDistanceKm { get; init; }
    public decimal ServiceFee { get; init; }
    public decimal ServiceFeePercentage { get; init; }
    public string? DiscountCode { get; init; }
    public decimal Discount { get; init; }
    public required decimal Total { get; init; }

    /// <summary>
    /// The charges for <paramref name="order"/> under <paramref name="rules"/>. The service fee and a percent discount are
    /// taken of the items' price; a discount never takes off more than the items' price, so the fees are always paid.
    /// </summary>
    public static OrderCharges Compute(Order order, PricingRules rules, decimal? distanceKm, DiscountCode? code)
    {
        var items = Pricing.CustomerPrice(order.SupplierPrice, order.MarkupPercentage);
        var delivery = Pricing.RoundToCents(rules.DeliveryFlatFee + ((distanceKm ?? 0m) * rules.DeliveryFeePerKm));
        var service = Pricing.RoundToCents(items * rules.ServiceFeePercentage / 100m);
        var discount = code is null ? 0m : Math.Min(items, code.Kind == DiscountKind.Percent
            ? Pricing.RoundToCents(items * code.Value / 100m)
            : code.Value);
        return new OrderCharges
        {
            ItemsPrice = items,
            DeliveryFee = delivery,
            DeliveryDistanceKm = rules.DeliveryFeePerKm > 0m ? distanceKm : null,
            ServiceFee = service,
            ServiceFeePercentage = rules.ServiceFeePercentage,
            DiscountCode = code?.Code,
            Discount = discount,
            Total = items + delivery + service - discount,
        };
    }

    /// <summary>The distance in km (to 0.01 km) between two places, or null when either is unknown.</summary>
    public static decimal? Distance(double? fromLatitude, double? fromLongitude, double? toLatitude, double? toLongitude) =>
        fromLatitude is { } a && fromLongitude is { } b && toLatitude is { } c && toLongitude is { } d
            ? Math.Round((decimal)Drivers.DriverDistance.Between(a, b, c, d), 2, MidpointRounding.AwayFromZero)
            : null;
}
