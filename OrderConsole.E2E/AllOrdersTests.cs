using System.Text.Json;
using CsvHelper;
using Microsoft.Playwright;
using OrderConsole.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace OrderConsole.E2E;

/// <summary>All orders in Chromium: a filtered view exported as CSV, three orders cancelled at once, and an order opened in place.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class AllOrdersTests(ConsoleFixture fixture)
{
    private static readonly BrowserNewContextOptions s_desktop = new() { ViewportSize = new() { Width = 1600, Height = 1000 }, AcceptDownloads = true };

    [Fact]
    public async Task Exporting_a_filtered_view_downloads_exactly_its_orders()
    {
        var item = Unique("Export");
        using var supplier = await ConsoleApi.SignInAsync(fixture.Console.Address, "supplier1");
        var pending = await CreateAsync(supplier, item);
        var alsoPending = await CreateAsync(supplier, item);
        var rejected = await CreateAsync(supplier, item);
        await supplier.PostAsync($"/api/orders/{Id(rejected)}/supplier-respond?accept=false&notes=no%20dough");
        await CreateAsync(supplier, Unique("Elsewhere"));
        await using var context = await fixture.Browser.NewContextAsync(s_desktop);
        await ConsoleSignIn.AsAsync(context, fixture.Console.Address, "dispatcher");
        var page = await fixture.OpenAsync(context, "/orders");

        // The newest orders head the first page anyway, so the rows alone do not show that the search has taken hold: its address does.
        await page.GetByLabel("Search").FillAsync(item);
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"q={item}"));
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = item })).ToHaveCountAsync(3);
        await page.GetByLabel("Status").ClickAsync();
        await page.GetByRole(AriaRole.Option).Filter(new() { HasTextRegex = new System.Text.RegularExpressions.Regex("^pending supplier") }).ClickAsync();
        await page.Keyboard.PressAsync("Escape");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"q={item}&status=pending_supplier"));
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = item })).ToHaveCountAsync(2);
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Export CSV" }).ClickAsync());

        using var reader = CsvReader.FromFile(await download.PathAsync(), null);
        var rows = new List<(string Id, string Status, string Items)>();
        while (reader.Read())
        {
            rows.Add((reader.GetString("id"), reader.GetString("status"), reader.GetString("items")));
        }

        Assert.Equal(
            new[] { (Id(pending), "pending_supplier", $"1 x {item}"), (Id(alsoPending), "pending_supplier", $"1 x {item}") }.OrderBy(row => row.Item1),
            rows.OrderBy(row => row.Id));
        Assert.Contains("status=pending_supplier", page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bulk_cancelling_three_orders_cancels_those_three_and_no_other()
    {
        var item = Unique("Bulk");
        using var supplier = await ConsoleApi.SignInAsync(fixture.Console.Address, "supplier1");
        var orders = new List<JsonElement>();
        for (var index = 0; index < 4; index++)
        {
            orders.Add(await CreateAsync(supplier, item));
        }

        var (chosen, spared) = (orders[..3], orders[3]);
        await using var context = await fixture.Browser.NewContextAsync(s_desktop);
        await ConsoleSignIn.AsAsync(context, fixture.Console.Address, "dispatcher");
        var page = await fixture.OpenAsync(context, $"/orders?q={item}");
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = item })).ToHaveCountAsync(4);

        foreach (var order in chosen)
        {
            await page.GetByRole(AriaRole.Checkbox, new() { Name = $"Select {Code(order)}", Exact = true }).CheckAsync();
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Cancel selected" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.GetByLabel("Reason").FillAsync("Oven broke down");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Cancel the orders" }).ClickAsync();

        foreach (var order in chosen)
        {
            await Expect(page.GetByText($"{Code(order)} cancelled", new() { Exact = true })).ToBeVisibleAsync();
        }

        using var dispatcher = await ConsoleApi.SignInAsync(fixture.Console.Address, "dispatcher");
        foreach (var order in chosen)
        {
            var now = await dispatcher.GetAsync($"/api/orders/{Id(order)}");
            Assert.Equal("cancelled", now.GetProperty("status").GetString());
            Assert.Equal("Oven broke down", now.GetProperty("cancellation_reason").GetString());
        }

        Assert.Equal("pending_supplier", (await dispatcher.GetAsync($"/api/orders/{Id(spared)}")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Clicking_an_order_opens_its_details_with_its_items_beside_the_list()
    {
        var pizza = Unique("Pizza");
        var dessert = Unique("Dessert");
        using var supplier = await ConsoleApi.SignInAsync(fixture.Console.Address, "supplier1");
        var order = await supplier.PostAsync("/api/orders", new
        {
            supplier_id = "luigis",
            items = new object[] { new { name = pizza, quantity = 2, unit_price = 9.5 }, new { name = dessert, quantity = 1, unit_price = 4 } },
        });
        await using var context = await fixture.Browser.NewContextAsync(s_desktop);
        await ConsoleSignIn.AsAsync(context, fixture.Console.Address, "dispatcher");
        var page = await fixture.OpenAsync(context, $"/orders?q={pizza}");

        await page.GetByRole(AriaRole.Row).Filter(new() { HasText = pizza }).GetByRole(AriaRole.Cell).Nth(3).ClickAsync();

        var details = page.GetByRole(AriaRole.Region, new() { Name = $"Order {Code(order)}" });
        await Expect(details).ToBeVisibleAsync();
        await Expect(details).ToContainTextAsync(pizza);
        await Expect(details).ToContainTextAsync(dessert);
        await Expect(details.GetByRole(AriaRole.List, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Timeline") }).GetByRole(AriaRole.Listitem).First).ToBeVisibleAsync();
        await Expect(details.GetByRole(AriaRole.Link, new() { Name = $"Open the full tracker for {Code(order)}" })).ToHaveAttributeAsync("href", $"tracker/{Id(order)}");
    }

    internal static string Unique(string word) => word + Guid.NewGuid().ToString("N")[..8];

    internal static Task<JsonElement> CreateAsync(ConsoleApi supplier, string item) =>
        supplier.PostAsync("/api/orders", new { supplier_id = "luigis", pizza_name = item, supplier_price = 10 });

    private static string Id(JsonElement order) => order.GetProperty("id").GetString()!;

    private static string Code(JsonElement order) => order.GetProperty("supplier_tracking_id").GetString()!;
}
