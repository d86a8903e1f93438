using Bunit;
using OrderConsole.Core.Orders;
using OrderConsole.Tests.Support;
using CustomerPage = OrderConsole.Components.Pages.Customer;

namespace OrderConsole.Tests.Components.Pages;

/// <summary>The customer's page in bUnit: offers priced in the console's currency, accepting one, every mistake at once.</summary>
public sealed class CustomerPageTests : ConsoleTestContext
{
    [Fact]
    public async Task An_offer_shows_its_customer_price_with_the_currency_symbol()
    {
        var offer = await OrderInStatusAsync(OrderStatus.SupplierAccepted, "Margherita", 12.50m);
        await SeenLiveAsync(offer);
        SignIn("customer", Role.Customer);

        var page = Render<CustomerPage>();

        Assert.Contains("$16.25", Assert.Single(page.RowsWith(offer.SupplierTrackingId)).Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Accepting_without_details_shows_every_message_beside_its_field_at_once()
    {
        var offer = await OrderInStatusAsync(OrderStatus.SupplierAccepted);
        await SeenLiveAsync(offer);
        SignIn("customer", Role.Customer);
        var page = Render<CustomerPage>();

        await page.ClickAsync($"Open offer {offer.SupplierTrackingId}");
        page.Type("Phone", "call me");
        await page.ClickAsync("Accept offer");

        Assert.NotNull(page.ErrorOf("Your name"));
        Assert.NotNull(page.ErrorOf("Phone"));
        Assert.NotNull(page.ErrorOf("Delivery address"));
        Assert.Equal(OrderStatus.SupplierAccepted, Live.Find(offer.Id)!.Status);
    }

    [Fact]
    public async Task Accepting_an_offer_moves_it_to_the_accepted_orders()
    {
        var offer = await OrderInStatusAsync(OrderStatus.SupplierAccepted, "Funghi");
        await SeenLiveAsync(offer);
        SignIn("customer", Role.Customer);
        var page = Render<CustomerPage>();

        await page.ClickAsync($"Open offer {offer.SupplierTrackingId}");
        page.Type("Your name", "Maya Patel");
        page.Type("Phone", "+1 555 0142");
        page.Type("Delivery address", "12 Harbor St");
        await page.ClickAsync("Accept offer");

        await Eventually.HoldsAsync(() => Live.Find(offer.Id)?.Status == OrderStatus.CustomerAccepted, "the offer is accepted");
        Clock.Advance(TimeSpan.FromSeconds(1));
        page.WaitForAssertion(() => Assert.True(page.HasButton($"Cancel order {offer.SupplierTrackingId}")));
    }
}
