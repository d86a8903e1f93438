using OrderConsole.Core.Orders;
using OrderConsole.Core.Service;
using OrderConsole.Tests.Support;

namespace OrderConsole.Tests.Service;

/// <summary>
/// A supplier's pricing rules at the customer's acceptance: the delivery fee (flat plus per km from the pickup), the service
/// fee and a discount code, in exact cents, quoted before accepting and kept by the order after.
/// </summary>
public sealed class OfferPricingTests
{
    // Pickup and delivery one tenth of a degree of latitude apart: 11.12 km on the earth's radius the console uses.
    private static readonly Supplier s_luigis = Samples.Luigis with
    {
        Latitude = 40.7000,
        Longitude = -74.0000,
        PricingRules = new PricingRules
        {
            DeliveryFlatFee = 2.50m,
            DeliveryFeePerKm = 0.80m,
            ServiceFeePercentage = 5m,
            DiscountCodes =
            [
                new DiscountCode("SAVE10", DiscountKind.Percent, 10m),
                new DiscountCode("BIG", DiscountKind.Amount, 100m),
                new DiscountCode("SPRING", DiscountKind.Amount, 1m) { ValidFrom = ManualClock.Start.AddDays(-30), ValidUntil = ManualClock.Start.AddDays(-1) },
                new DiscountCode("SOON", DiscountKind.Amount, 1m) { ValidFrom = ManualClock.Start.AddDays(1) },
            ],
        },
    };

    private static readonly CustomerDetails s_maya = Marketplace.Maya with { DeliveryLatitude = 40.8000, DeliveryLongitude = -74.0000, DiscountCode = "save10" };

    [Fact]
    public async Task The_breakdown_adds_delivery_flat_and_per_km_and_the_service_fee_and_takes_off_the_discount_in_exact_cents()
    {
        var (market, offer) = await OfferAsync();

        var accepted = await market.Orders.AcceptOfferAsync(Marketplace.Customer, offer.Id, s_maya);

        // Items 10.03 + 50 % = 15.05; delivery 2.50 + 11.12 km × 0.80 = 11.396 → 11.40; service 5 % = 0.7525 → 0.75;
        // discount 10 % = 1.505 → 1.51 (half away from zero); total 15.05 + 11.40 + 0.75 − 1.51 = 25.69.
        var charges = accepted.Charges!;
        Assert.Equal(
            (15.05m, 11.40m, (decimal?)11.12m, 0.75m, "SAVE10", 1.51m, 25.69m),
            (charges.ItemsPrice, charges.DeliveryFee, charges.DeliveryDistanceKm, charges.ServiceFee, charges.DiscountCode, charges.Discount, charges.Total));
        Assert.Equal(25.69m, accepted.CustomerPrice);
        Assert.Equal(charges, (await market.Store.GetAsync(offer.Id))!.Charges);
    }

    [Fact]
    public async Task The_quote_before_acceptance_is_what_the_acceptance_charges()
    {
        var (market, offer) = await OfferAsync();

        var quote = await market.Orders.QuoteAsync(Marketplace.Customer, offer.Id, s_maya);
        var accepted = await market.Orders.AcceptOfferAsync(Marketplace.Customer, offer.Id, s_maya);

        Assert.Equal(quote, accepted.Charges);
    }

    [Fact]
    public async Task Without_delivery_coordinates_only_the_flat_delivery_fee_is_charged()
    {
        var (market, offer) = await OfferAsync();

        var quote = await market.Orders.QuoteAsync(Marketplace.Customer, offer.Id, Marketplace.Maya);

        Assert.Equal((2.50m, (decimal?)null, 0.75m, 0m, 18.30m), (quote.DeliveryFee, quote.DeliveryDistanceKm, quote.ServiceFee, quote.Discount, quote.Total));
    }

    [Fact]
    public async Task An_amount_discount_never_takes_off_more_than_the_items_so_the_fees_are_still_paid()
    {
        var (market, offer) = await OfferAsync();

        var quote = await market.Orders.QuoteAsync(Marketplace.Customer, offer.Id, Marketplace.Maya with { DiscountCode = "BIG" });

        Assert.Equal((15.05m, 3.25m), (quote.Discount, quote.Total));
    }

    [Theory]
    [InlineData("NOPE", "there is no discount code NOPE for this supplier; check the spelling")]
    [InlineData("spring", "the discount code SPRING expired on 28 February 2025, 12:00 UTC")]
    [InlineData("SOON", "the discount code SOON is valid from 2 March 2025, 12:00 UTC")]
    public async Task An_unknown_expired_or_early_code_is_refused_beside_its_field_and_nothing_changes(string code, string message)
    {
        var (market, offer) = await OfferAsync();

        var refused = await Assert.ThrowsAsync<OrderValidationException>(
            () => market.Orders.AcceptOfferAsync(Marketplace.Customer, offer.Id, Marketplace.Maya with { DiscountCode = code }));

        Assert.Equal(("discount_code", message), (refused.Field, refused.Message));
        var stored = (await market.Store.GetAsync(offer.Id))!;
        Assert.Equal((OrderStatus.SupplierAccepted, offer.Version, (OrderCharges?)null), (stored.Status, stored.Version, stored.Charges));
        Assert.Empty(await market.Store.GetDiscountUsesAsync("luigis"));
    }

    [Fact]
    public async Task A_supplier_without_pricing_rules_charges_the_marked_up_price_as_before()
    {
        var market = await Marketplace.OpenAsync();
        var order = await market.Orders.CreateAsync(Marketplace.LuigisSupplier, new CreateOrder("luigis", [new OrderItem("Margherita", 1, 10.03m)], 50m));
        await market.Orders.AcceptAsSupplierAsync(Marketplace.LuigisSupplier, order.Id, null, 30);

        var accepted = await market.Orders.AcceptOfferAsync(Marketplace.Customer, order.Id, Marketplace.Maya);

        Assert.Equal((15.05m, 15.05m, 0m, 0m), (accepted.CustomerPrice, accepted.Charges!.Total, accepted.Charges.DeliveryFee, accepted.Charges.ServiceFee));
    }

    private static async Task<(Marketplace Market, Order Offer)> OfferAsync()
    {
        var market = await Marketplace.OpenAsync();
        await market.Store.SaveSupplierAsync(s_luigis);
        var order = await market.Orders.CreateAsync(Marketplace.LuigisSupplier, new CreateOrder("luigis", [new OrderItem("Margherita", 1, 10.03m)], 50m));
        return (market, await market.Orders.AcceptAsSupplierAsync(Marketplace.LuigisSupplier, order.Id, null, 30));
    }
}
