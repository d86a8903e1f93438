using Bunit;
using OrderConsole.Core.Orders;
using OrderConsole.Tests.Components.Controls;
using OrderConsole.Tests.Support;
using CustomerPage = OrderConsole.Components.Pages.Customer;

namespace OrderConsole.Tests.Components.Pages;

/// <summary>The customer's offer in bUnit with the supplier's fees: the whole breakdown before accepting, with a discount code entered.</summary>
public sealed class CustomerDiscountPageTests : ConsoleTestContext
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await Store.SaveSupplierAsync(Samples.Luigis with
        {
            PricingRules = new PricingRules
            {
                DeliveryFlatFee = 2.50m,
                ServiceFeePercentage = 5m,
                DiscountCodes = [new DiscountCode("SAVE10", DiscountKind.Percent, 10m)],
            },
        });
    }

    [Fact]
    public async Task The_offer_shows_the_suppliers_fees_before_any_code()
    {
        var page = await OpenOfferAsync();

        Assert.Equal(
            [("Supplier price", "$12.50"), ("Markup", "30 %"), ("Delivery fee", "$2.50"), ("Service fee (5 %)", "$0.81"), ("Customer price", "$19.56")],
            PriceBreakdownTests.Pairs(page));
    }

    [Fact]
    public async Task A_code_applied_on_the_offer_shows_its_discount_and_the_new_total()
    {
        var page = await OpenOfferAsync();

        page.Type("Discount code", "save10");
        await page.ClickAsync("Apply code");

        // Items 12.50 + 30 % = 16.25; service 5 % = 0.8125 → 0.81; discount 10 % = 1.625 → 1.63; 16.25 + 2.50 + 0.81 − 1.63 = 17.93.
        Assert.Equal(
            [("Supplier price", "$12.50"), ("Markup", "30 %"), ("Delivery fee", "$2.50"), ("Service fee (5 %)", "$0.81"), ("Discount SAVE10", "−$1.63"), ("Customer price", "$17.93")],
            PriceBreakdownTests.Pairs(page));
    }

    [Fact]
    public async Task Accepting_with_the_applied_code_charges_the_quoted_total()
    {
        var page = await OpenOfferAsync();
        page.Type("Discount code", "SAVE10");
        await page.ClickAsync("Apply code");
        page.Type("Your name", "Maya Patel");
        page.Type("Delivery address", "12 Harbor St");

        await page.ClickAsync("Accept offer");

        var offer = Assert.Single(await Store.ListAsync(new() { Limit = 10 }));
        Assert.Equal((OrderStatus.CustomerAccepted, 17.93m, "SAVE10"), (offer.Status, offer.CustomerPrice, offer.Charges?.DiscountCode));
    }

    [Fact]
    public async Task An_unknown_code_is_refused_beside_its_field_and_the_breakdown_keeps_no_discount()
    {
        var page = await OpenOfferAsync();

        page.Type("Discount code", "FREEPIZZA");
        await page.ClickAsync("Apply code");

        Assert.Equal("there is no discount code FREEPIZZA for this supplier; check the spelling", page.ErrorOf("Discount code"));
        Assert.DoesNotContain(PriceBreakdownTests.Pairs(page), pair => pair.Term.StartsWith("Discount", StringComparison.Ordinal));
    }

    private async Task<IRenderedComponent<CustomerPage>> OpenOfferAsync()
    {
        var offer = await OrderInStatusAsync(OrderStatus.SupplierAccepted, "Margherita", 12.50m);
        await SeenLiveAsync(offer);
        SignIn("customer", Role.Customer);
        var page = Render<CustomerPage>();
        await page.ClickAsync($"Open offer {offer.SupplierTrackingId}");
        return page;
    }
}
