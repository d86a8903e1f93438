using Microsoft.Playwright;
using OrderConsole.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace OrderConsole.E2E;

/// <summary>A supplier creates one order with several items, each with its own price and quantity.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class SupplierItemsTests(ConsoleFixture fixture)
{
    [Fact]
    public async Task A_supplier_creates_an_order_with_two_items_and_it_appears_with_both()
    {
        await using var context = await fixture.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1400, Height = 900 } });
        await ConsoleSignIn.AsAsync(context, fixture.Console.Address, "supplier1");
        var supplier = await fixture.OpenAsync(context, "/supplier");
        var first = "Two-item Pizza " + Guid.NewGuid().ToString("N")[..8];
        var second = "Side " + Guid.NewGuid().ToString("N")[..8];
        var row = supplier.GetByRole(AriaRole.Row).Filter(new() { HasText = first });
        try
        {
            await supplier.GetByLabel("Item 1", new() { Exact = true }).FillAsync(first);
            await supplier.GetByLabel("Supplier price 1", new() { Exact = true }).FillAsync("12.50");
            await supplier.GetByRole(AriaRole.Button, new() { Name = "Add item" }).ClickAsync();
            await supplier.GetByLabel("Item 2", new() { Exact = true }).FillAsync(second);
            await supplier.GetByLabel("Supplier price 2", new() { Exact = true }).FillAsync("4.25");
            await supplier.GetByLabel("Quantity 2", new() { Exact = true }).FillAsync("2");
            await supplier.GetByLabel("Quantity 2", new() { Exact = true }).PressAsync("Tab");
            await Expect(supplier.GetByText("Total $21.00")).ToBeVisibleAsync();

            await supplier.GetByRole(AriaRole.Button, new() { Name = "Create order" }).ClickAsync();

            await Expect(row).ToContainTextAsync($"{first}, 2× {second}");
            await Expect(row).ToContainTextAsync("21.00");
        }
        catch
        {
            await ConsoleFixture.SaveScreenshotsAsync(("failed-supplier-items", supplier));
            throw;
        }
    }
}
