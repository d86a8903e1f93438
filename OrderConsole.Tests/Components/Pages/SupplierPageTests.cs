using Bunit;
using OrderConsole.Core.Orders;
using OrderConsole.Core.Settings;
using OrderConsole.Core.Service;
using OrderConsole.Tests.Support;
using SupplierPage = OrderConsole.Components.Pages.Supplier;

namespace OrderConsole.Tests.Components.Pages;

/// <summary>The supplier's desk in bUnit: what a supplier sees of their own orders, creating one, and every mistake beside its field.</summary>
public sealed class SupplierPageTests : ConsoleTestContext
{
    [Fact]
    public async Task A_supplier_sees_their_own_suppliers_orders_and_not_another_suppliers()
    {
        await Orders.CreateAsync(Marketplace.LuigisSupplier, new CreateOrder("luigis", [new OrderItem("Luigi Special", 1, 11m)]));
        var napoli = await Orders.CreateAsync(Marketplace.NapoliSupplier, new CreateOrder("napoli", [new OrderItem("Napoli Special", 1, 11m)]));
        await SeenLiveAsync(napoli);
        SignIn("supplier1", Role.Supplier, supplierId: "luigis");

        var page = Render<SupplierPage>();

        Assert.Single(page.RowsWith("Luigi Special"));
        Assert.Empty(page.RowsWith("Napoli Special"));
    }

    [Fact]
    public async Task Creating_an_order_puts_it_in_the_queue_as_pending_supplier()
    {
        SignIn("supplier1", Role.Supplier, supplierId: "luigis");
        var page = Render<SupplierPage>();

        page.Type("Item 1", "Quattro Formaggi");
        page.Type("Supplier price 1", "13.40");
        await page.ClickAsync("Create order");

        page.WaitForAssertion(() => Assert.Contains("pending supplier", Assert.Single(page.RowsWith("Quattro Formaggi")).Text(), StringComparison.Ordinal));
        Assert.Contains("$13.40", page.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_mistake_shows_beside_its_own_field_at_once_and_nothing_is_created()
    {
        SignIn("supplier1", Role.Supplier, supplierId: "luigis");
        var page = Render<SupplierPage>();

        page.Type("Supplier price 1", "abc");
        page.Type("Quantity 1", "0");
        page.Type("Markup %", "lots");
        await page.ClickAsync("Create order");

        Assert.Equal("Enter the item's name", page.ErrorOf("Item 1"));
        Assert.Equal("Enter the price as a number, like 12.50", page.ErrorOf("Supplier price 1"));
        Assert.Equal($"Enter a quantity from 1 to {OrderInput.MaxQuantity}", page.ErrorOf("Quantity 1"));
        Assert.Equal("Enter the markup as a number, like 30, or leave it empty", page.ErrorOf("Markup %"));
        Assert.Empty(await Store.ListAsync(new Core.Storage.OrderQuery()));
    }

    [Fact]
    public async Task A_negative_price_is_refused_beside_the_field_not_turned_into_zero()
    {
        SignIn("supplier1", Role.Supplier, supplierId: "luigis");
        var page = Render<SupplierPage>();

        page.Type("Item 1", "Marinara");
        page.Type("Supplier price 1", "-5");
        await page.ClickAsync("Create order");

        Assert.Contains("the price must be more than 0", page.ErrorOf("Supplier price 1"), StringComparison.Ordinal);
        Assert.Empty(await Store.ListAsync(new Core.Storage.OrderQuery()));
    }

    [Fact]
    public void An_empty_markup_is_the_default_markup_and_the_field_says_so()
    {
        SignIn("supplier1", Role.Supplier, supplierId: "luigis");

        var page = Render<SupplierPage>();

        Assert.Contains($"Leave empty for the default markup ({Pricing.DefaultMarkupPercentage:0} %)", page.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_default_markup_the_field_names_is_the_one_saved_in_the_settings()
    {
        await Orders.SaveSettingsAsync(Marketplace.Admin, new ConsoleSettings { Currency = "USD", DefaultMarkupPercentage = 22.5m, LateThresholdMinutes = 10, TimeZone = "UTC" });
        await Eventually.HoldsAsync(() => Settings.Value.DefaultMarkupPercentage == 22.5m, "the read model has the saved settings");
        SignIn("supplier1", Role.Supplier, supplierId: "luigis");

        var page = Render<SupplierPage>();

        Assert.Contains("Leave empty for the default markup (22.5 %)", page.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_order_created_elsewhere_appears_in_the_open_queue_without_a_reload()
    {
        SignIn("supplier1", Role.Supplier, supplierId: "luigis");
        var page = Render<SupplierPage>();

        var order = await Orders.CreateAsync(Marketplace.LuigisSupplier, new CreateOrder("luigis", [new OrderItem("Live Diavola", 1, 9m)]));
        await SeenLiveAsync(order);

        page.WaitForAssertion(() => Assert.Single(page.RowsWith("Live Diavola")));
    }

    [Fact]
    public async Task Accepting_an_opened_order_with_an_estimate_moves_it_to_supplier_accepted()
    {
        var order = await OrderInStatusAsync(OrderStatus.PendingSupplier, "Capricciosa");
        await SeenLiveAsync(order);
        SignIn("supplier1", Role.Supplier, supplierId: "luigis");
        var page = Render<SupplierPage>();

        await page.ClickAsync($"Open order {order.SupplierTrackingId}");
        page.Type("Estimated minutes", "20");
        await page.ClickAsync("Accept order");

        await Eventually.HoldsAsync(() => Live.Find(order.Id)?.Status == OrderStatus.SupplierAccepted, "the order is accepted");
        Clock.Advance(TimeSpan.FromSeconds(1));
        page.WaitForAssertion(() => Assert.Contains("supplier accepted", Assert.Single(page.RowsWith("Capricciosa")).Text(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_admin_acting_as_another_supplier_sees_that_suppliers_queue()
    {
        var napoli = await Orders.CreateAsync(Marketplace.NapoliSupplier, new CreateOrder("napoli", [new OrderItem("Napoli Special", 1, 11m)]));
        await SeenLiveAsync(napoli);
        SignIn("admin", Role.Admin);
        var popovers = Render<MudBlazor.MudPopoverProvider>();
        var page = Render<SupplierPage>();
        Assert.Empty(page.RowsWith("Napoli Special"));

        await page.ChooseAsync(popovers, "Acting as supplier", "Napoli Express");

        page.WaitForAssertion(() => Assert.Single(page.RowsWith("Napoli Special")));
        Assert.Equal("Napoli Express", page.Field("Acting as supplier").GetAttribute("value"));
    }
}
