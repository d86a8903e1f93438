using Bunit;
using OrderConsole.Components.Pages;
using OrderConsole.Core.Orders;
using OrderConsole.Core.Settings;
using OrderConsole.Tests.Support;
using CustomerPage = OrderConsole.Components.Pages.Customer;

namespace OrderConsole.Tests.Components.Pages;

/// <summary>The admin's settings page in bUnit: every mistake beside its field at once, a save kept in the store, and open pages following it live.</summary>
public sealed class AdminSettingsPageTests : ConsoleTestContext
{
    [Fact]
    public void The_form_starts_from_the_settings_in_force()
    {
        SignIn("ada", Role.Admin);

        var page = Render<AdminSettings>();

        Assert.Equal("USD", page.Field("Currency").GetAttribute("value"));
        Assert.Equal("30", page.Field("Default markup (%)").GetAttribute("value"));
        Assert.Equal("UTC", page.Field("Time zone").GetAttribute("value"));
    }

    [Fact]
    public async Task Bad_values_show_every_message_beside_its_field_and_nothing_is_saved()
    {
        SignIn("ada", Role.Admin);
        var page = Render<AdminSettings>();

        page.Type("Currency", "XYZ");
        page.Type("Default markup (%)", "lots");
        page.Type("Late threshold (minutes)", "0");
        page.Type("Time zone", "Mars/Olympus");
        await page.ClickAsync("Save settings");

        Assert.Contains("not an ISO 4217 currency code", page.ErrorOf("Currency"), StringComparison.Ordinal);
        Assert.Contains("as a number", page.ErrorOf("Default markup (%)"), StringComparison.Ordinal);
        Assert.Contains("between 1 and 1440 minutes", page.ErrorOf("Late threshold (minutes)"), StringComparison.Ordinal);
        Assert.Contains("not an IANA time zone id", page.ErrorOf("Time zone"), StringComparison.Ordinal);
        Assert.Null(await Store.GetSettingsAsync());
    }

    [Fact]
    public async Task Saving_keeps_the_settings_in_the_store_and_they_come_into_force()
    {
        SignIn("ada", Role.Admin);
        var page = Render<AdminSettings>();

        page.Type("Currency", "eur");
        page.Type("Default markup (%)", "22.5");
        page.Type("Late threshold (minutes)", "12");
        page.Type("Time zone", "Europe/Rome");
        await page.ClickAsync("Save settings");

        var saved = await Store.GetSettingsAsync();
        Assert.Equal(("EUR", 22.5m, 12, "Europe/Rome", "ada"), (saved?.Currency, saved?.DefaultMarkupPercentage, saved?.LateThresholdMinutes, saved?.TimeZone, saved?.UpdatedBy));
        await Eventually.HoldsAsync(() => Settings.Value.Currency == "EUR", "the saved settings are in force");
        Clock.Advance(TimeSpan.FromSeconds(1));
        page.WaitForAssertion(() => Assert.Contains("Europe/Rome", page.Find("[aria-label='Settings in force']").Text(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Turning_auto_dispatch_on_with_a_radius_saves_both()
    {
        SignIn("ada", Role.Admin);
        var page = Render<AdminSettings>();

        page.Tick("Auto-dispatch ready orders", ticked: true);
        page.Type("Auto-dispatch radius (km)", "4.5");
        await page.ClickAsync("Save settings");

        var saved = await Store.GetSettingsAsync();
        Assert.Equal((true, 4.5), (saved?.AutoDispatch, saved?.AutoDispatchRadiusKm));
    }

    [Theory]
    [InlineData("0.05")]
    [InlineData("150")]
    public async Task A_radius_outside_0_1_to_100_km_shows_a_message_beside_its_field_and_nothing_is_saved(string radius)
    {
        SignIn("ada", Role.Admin);
        var page = Render<AdminSettings>();

        page.Tick("Auto-dispatch ready orders", ticked: true);
        page.Type("Auto-dispatch radius (km)", radius);
        await page.ClickAsync("Save settings");

        Assert.StartsWith("The auto-dispatch radius must be between 0.1 and 100 km", page.ErrorOf("Auto-dispatch radius (km)"), StringComparison.Ordinal);
        Assert.Null(await Store.GetSettingsAsync());
    }

    [Fact]
    public async Task An_open_page_shows_prices_in_a_newly_saved_currency_at_once()
    {
        var offer = await OrderInStatusAsync(OrderStatus.SupplierAccepted, "Margherita", 12.50m);
        await SeenLiveAsync(offer);
        SignIn("customer", Role.Customer);
        var page = Render<CustomerPage>();
        Assert.Contains("$16.25", Assert.Single(page.RowsWith(offer.SupplierTrackingId)).Text(), StringComparison.Ordinal);

        await Orders.SaveSettingsAsync(Marketplace.Admin, new ConsoleSettings { Currency = "EUR", DefaultMarkupPercentage = 30m, LateThresholdMinutes = 10, TimeZone = "UTC" });
        await Eventually.HoldsAsync(() => Settings.Value.Currency == "EUR", "the saved settings are in force");
        Clock.Advance(TimeSpan.FromSeconds(1));

        page.WaitForAssertion(() => Assert.Contains("€16.25", Assert.Single(page.RowsWith(offer.SupplierTrackingId)).Text(), StringComparison.Ordinal));
    }
}
