using Bunit;
using OrderConsole.Core.Orders;
using OrderConsole.Core.Service;
using OrderConsole.Tests.Support;
using SupplierPage = OrderConsole.Components.Pages.Supplier;

namespace OrderConsole.Tests.Components.Pages;

/// <summary>The supplier's stock on their page in bUnit: what is left of each item, low and sold-out items marked, setting a level.</summary>
public sealed class SupplierStockPageTests : ConsoleTestContext
{
    [Fact]
    public async Task Each_kept_item_shows_what_is_left_with_low_and_out_of_stock_marked()
    {
        await Store.SetStockAsync("luigis", "Margherita", 3);
        await Store.SetStockAsync("luigis", "Calzone", 0);
        await Store.SetStockAsync("luigis", "Tiramisu", 20);
        SignIn("sam", Role.Supplier, "luigis");

        var page = Render<SupplierPage>();

        Assert.Equal(
            ["Calzone: none left, Out of stock", "Margherita: 3 left, Low stock", "Tiramisu: 20 left"],
            Levels(page));
        Assert.Contains("Low at 5 or fewer left.", page.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_supplier_without_stock_levels_is_told_every_item_is_unlimited()
    {
        SignIn("sam", Role.Supplier, "luigis");

        var page = Render<SupplierPage>();

        Assert.Contains("every item is unlimited", page.Markup, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("ul.stock-list li"));
        await Task.CompletedTask;
    }

    [Fact]
    public async Task Setting_a_level_shows_it_and_stores_it()
    {
        SignIn("sam", Role.Supplier, "luigis");
        var page = Render<SupplierPage>();

        page.Type("Product to count", "Funghi");
        page.Type("Quantity left", "4");
        await page.ClickAsync("Set stock");

        page.WaitForAssertion(() => Assert.Equal(["Funghi: 4 left, Low stock"], Levels(page)));
        Assert.Equal(4, Assert.Single(await Store.GetStockAsync("luigis")).Quantity);
    }

    [Fact]
    public async Task A_quantity_that_is_not_a_whole_number_is_refused_beside_its_field_and_nothing_is_stored()
    {
        SignIn("sam", Role.Supplier, "luigis");
        var page = Render<SupplierPage>();

        page.Type("Product to count", "Funghi");
        page.Type("Quantity left", "four");
        await page.ClickAsync("Set stock");

        Assert.Equal("the quantity must be a whole number from 0, such as 12", page.ErrorOf("Quantity left"));
        Assert.Empty(await Store.GetStockAsync("luigis"));
    }

    [Fact]
    public async Task An_acceptance_counts_the_item_down_on_the_suppliers_page()
    {
        await Store.SetStockAsync("luigis", "Margherita", 7);
        SignIn("sam", Role.Supplier, "luigis");
        var page = Render<SupplierPage>();
        var order = await Orders.CreateAsync(Marketplace.LuigisSupplier, new CreateOrder("luigis", [new OrderItem("Margherita", 2, 10m)]));
        order = await Orders.AcceptAsSupplierAsync(Marketplace.LuigisSupplier, order.Id, null, 30);

        var accepted = await Orders.AcceptOfferAsync(Marketplace.Customer, order.Id, Marketplace.Maya);
        await SeenLiveAsync(accepted);

        page.WaitForAssertion(() => Assert.Equal(["Margherita: 5 left, Low stock"], Levels(page)));
    }

    /// <summary>Each kept item as a person reads it: name, what is left, and its mark when low or out.</summary>
    private static List<string> Levels<T>(IRenderedComponent<T> page)
        where T : Microsoft.AspNetCore.Components.IComponent =>
        [.. page.FindAll("ul.stock-list li").Select(item =>
        {
            var line = $"{item.QuerySelector(".stock-item")!.Text()}: {item.QuerySelector(".stock-left")!.Text()}";
            return item.QuerySelector(".mud-chip") is { } mark ? $"{line}, {mark.Text()}" : line;
        })];
}
