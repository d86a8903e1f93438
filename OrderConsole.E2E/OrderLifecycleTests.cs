using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OrderConsole.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace OrderConsole.E2E;

/// <summary>
/// A person takes one order from creation to delivery across the supplier, customer and dispatch pages,
/// while every other open page — and a second browser window — follows along without a reload.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class OrderLifecycleTests(ConsoleFixture fixture)
{
    [Fact]
    public async Task An_order_goes_from_creation_to_delivery_and_every_open_page_follows_live()
    {
        await using var staff = await fixture.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1400, Height = 900 } });
        await using var secondWindow = await fixture.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1400, Height = 900 } });
        await ConsoleSignIn.AsAsync(staff, fixture.Console.Address, "admin");
        await ConsoleSignIn.AsAsync(secondWindow, fixture.Console.Address, "dispatcher");
        var supplier = await fixture.OpenAsync(staff, "/supplier");
        var customer = await fixture.OpenAsync(staff, "/customer");
        var dispatch = await fixture.OpenAsync(staff, "/dispatch");
        var watcher = await fixture.OpenAsync(secondWindow, "/orders");
        var item = "E2E Pizza " + Guid.NewGuid().ToString("N")[..8];

        ILocator RowOf(IPage page) => page.GetByRole(AriaRole.Row).Filter(new() { HasText = item });
        try
        {
            await WalkTheLifecycleAsync(item, supplier, customer, dispatch, watcher, RowOf);
        }
        catch
        {
            await ConsoleFixture.SaveScreenshotsAsync(("failed-supplier", supplier), ("failed-customer", customer), ("failed-dispatch", dispatch), ("failed-orders", watcher));
            throw;
        }

        await ConsoleFixture.SaveScreenshotsAsync(("supplier", supplier), ("customer", customer), ("dispatch", dispatch), ("orders", watcher));
    }

    internal static async Task WalkTheLifecycleAsync(string item, IPage supplier, IPage customer, IPage dispatch, IPage watcher, Func<IPage, ILocator> rowOf)
    {

        // The supplier creates the order; the second window sees it appear.
        await supplier.GetByLabel("Item").FillAsync(item);
        await supplier.GetByLabel("Supplier price").FillAsync("12.50");
        await supplier.GetByRole(AriaRole.Button, new() { Name = "Create order" }).ClickAsync();
        await Expect(rowOf(supplier)).ToContainTextAsync("pending supplier");
        await Expect(rowOf(watcher)).ToContainTextAsync("pending supplier");
        await Expect(rowOf(customer)).ToHaveCountAsync(0);

        // The supplier accepts with an estimate; the offer appears on the customer page, priced with the markup.
        await supplier.GetByLabel("Estimated minutes").FillAsync("25");
        await supplier.GetByRole(AriaRole.Button, new() { Name = "Accept order" }).ClickAsync();
        await Expect(rowOf(customer)).ToContainTextAsync("$16.25");
        await Expect(rowOf(watcher)).ToContainTextAsync("supplier accepted");

        // The customer accepts the offer; the supplier's queue shows it.
        await rowOf(customer).GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Open offer") }).ClickAsync();
        await customer.GetByLabel("Your name").FillAsync("Playwright Customer");
        await customer.GetByLabel("Phone").FillAsync("+1 555 0199");
        await customer.GetByLabel("Delivery address").FillAsync("1 Test Street");
        await customer.GetByRole(AriaRole.Button, new() { Name = "Accept offer" }).ClickAsync();
        await Expect(rowOf(supplier)).ToContainTextAsync("customer accepted");
        await Expect(rowOf(watcher)).ToContainTextAsync("customer accepted");

        // The supplier prepares it and marks it ready; dispatch sees it waiting for a driver.
        await supplier.GetByRole(AriaRole.Button, new() { Name = "Start preparing" }).ClickAsync();
        await Expect(rowOf(watcher)).ToContainTextAsync("preparing");
        await supplier.GetByRole(AriaRole.Button, new() { Name = "Mark ready" }).ClickAsync();
        await Expect(rowOf(dispatch)).ToContainTextAsync("1 Test Street");
        await Expect(rowOf(watcher)).ToContainTextAsync("ready");

        // Dispatch puts an available driver on it, then follows it to the door.
        await rowOf(dispatch).GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Open order") }).ClickAsync();
        await Pickers.ChooseAsync(dispatch, "Driver");
        await dispatch.GetByRole(AriaRole.Button, new() { Name = "Dispatch order" }).ClickAsync();
        await Expect(rowOf(supplier)).ToContainTextAsync("dispatched");
        await Expect(rowOf(watcher)).ToContainTextAsync("dispatched");

        await rowOf(dispatch).GetByRole(AriaRole.Button, new() { NameRegex = new Regex("in transit$") }).ClickAsync();
        await Expect(rowOf(watcher)).ToContainTextAsync("in transit");
        await Expect(rowOf(supplier)).ToContainTextAsync("in transit");

        await rowOf(dispatch).GetByRole(AriaRole.Button, new() { NameRegex = new Regex("delivered$") }).ClickAsync();
        await Expect(rowOf(watcher)).ToContainTextAsync("delivered");
        await Expect(rowOf(supplier)).ToContainTextAsync("delivered");
        await Expect(rowOf(dispatch)).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Creating_an_order_without_an_item_shows_the_message_next_to_the_field_and_creates_nothing()
    {
        await using var context = await fixture.Browser.NewContextAsync();
        await ConsoleSignIn.AsAsync(context, fixture.Console.Address, "supplier1");
        var supplier = await fixture.OpenAsync(context, "/supplier");
        var rowsBefore = await supplier.GetByRole(AriaRole.Row).CountAsync();

        await supplier.GetByLabel("Supplier price").FillAsync("10");
        await supplier.GetByRole(AriaRole.Button, new() { Name = "Create order" }).ClickAsync();

        await Expect(supplier.GetByLabel("Item 1", new() { Exact = true })).ToHaveAccessibleDescriptionAsync("Enter the item's name");
        await Expect(supplier.GetByRole(AriaRole.Row)).ToHaveCountAsync(rowsBefore);
    }
}
