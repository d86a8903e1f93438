using Microsoft.Playwright;
using OrderConsole.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace OrderConsole.E2E;

/// <summary>An order of several items, followed across the pages: each lists it by all its items, the whole list one click away.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class MultiItemOrderTests(ConsoleFixture fixture)
{
    private static readonly BrowserNewContextOptions s_desktop = new() { ViewportSize = new() { Width = 1400, Height = 900 } };

    [Fact]
    public async Task An_order_of_two_items_reads_as_both_on_every_page_it_passes()
    {
        var pizza = "Pizza " + Guid.NewGuid().ToString("N")[..8];
        var dessert = "Dessert " + Guid.NewGuid().ToString("N")[..8];
        var summary = $"2× {pizza}, {dessert}";
        using var admin = await ConsoleApi.SignInAsync(fixture.Console.Address, "admin");
        var order = await admin.PostAsync("/api/orders", new
        {
            supplier_id = "luigis",
            items = new object[] { new { name = pizza, quantity = 2, unit_price = 9.5 }, new { name = dessert, quantity = 1, unit_price = 4 } },
        });
        var id = order.GetProperty("id").GetString();
        var code = order.GetProperty("supplier_tracking_id").GetString();
        await using var supplierContext = await fixture.Browser.NewContextAsync(s_desktop);
        await ConsoleSignIn.AsAsync(supplierContext, fixture.Console.Address, "supplier1");
        await using var staff = await fixture.Browser.NewContextAsync(s_desktop);
        await ConsoleSignIn.AsAsync(staff, fixture.Console.Address, "admin");
        var pages = new List<(string, IPage)>();
        try
        {
            var supplier = await OpenAsync(supplierContext, "/supplier", pages);
            await ExpectOneClickAwayAsync(supplier, summary, code!, pizza, dessert);
            await Expect(Items(supplier, code!)).ToContainTextAsync("$9.50 each · $19.00");

            await admin.PostAsync($"/api/orders/{id}/supplier-respond?accept=true&estimated_time=30");
            var customer = await OpenAsync(staff, "/customer", pages);
            await Expect(Row(customer, summary)).ToBeVisibleAsync();
            await customer.GetByRole(AriaRole.Button, new() { Name = $"Open offer {code}" }).ClickAsync();
            await ExpectLinesAsync(customer, code!, pizza, dessert);
            await Expect(customer.GetByRole(AriaRole.Button, new() { Name = "Accept offer" })).ToBeVisibleAsync();

            foreach (var step in new[] { "customer-accept?customer_name=Items%20Customer&delivery_address=5%20Items%20Road", "status?status=preparing", "status?status=ready" })
            {
                await admin.PostAsync($"/api/orders/{id}/{step}");
            }

            var dispatch = await OpenAsync(staff, "/dispatch", pages);
            await ExpectOneClickAwayAsync(dispatch, summary, code!, pizza, dessert);

            var driver = (await admin.GetAsync("/api/state")).GetProperty("drivers_on_shift").EnumerateArray()
                .First(candidate => candidate.GetProperty("status").GetString() == "available").GetProperty("id").GetString();
            await admin.PostAsync($"/api/orders/{id}/dispatch?driver_id={driver}");
            var phone = await OpenAsync(staff, "/driver", pages);
            await ExpectLinesAsync(phone, code!, pizza, dessert);

            var orders = await OpenAsync(staff, "/orders", pages);
            await ExpectOneClickAwayAsync(orders, summary, code!, pizza, dessert);

            var tracker = await OpenAsync(staff, $"/tracker/{id}", pages);
            await ExpectLinesAsync(tracker, code!, pizza, dessert);
        }
        catch
        {
            await ConsoleFixture.SaveScreenshotsAsync([.. pages]);
            throw;
        }
    }

    private async Task<IPage> OpenAsync(IBrowserContext context, string path, List<(string, IPage)> pages)
    {
        var page = await fixture.OpenAsync(context, path);
        pages.Add(("failed-items" + path.Replace('/', '-'), page));
        return page;
    }

    private static ILocator Row(IPage page, string summary) => page.GetByRole(AriaRole.Row).Filter(new() { HasText = summary });

    private static ILocator Items(IPage page, string code) => page.GetByRole(AriaRole.List, new() { Name = $"Items of {code}" });

    /// <summary>The row reads as every item; one click on that line opens the whole list.</summary>
    private static async Task ExpectOneClickAwayAsync(IPage page, string summary, string code, string pizza, string dessert)
    {
        var toggle = Row(page, summary).GetByRole(AriaRole.Button, new() { Name = summary });
        await Expect(toggle).ToHaveAttributeAsync("aria-expanded", "false");
        await toggle.ClickAsync();
        await Expect(toggle).ToHaveAttributeAsync("aria-expanded", "true");
        await ExpectLinesAsync(page, code, pizza, dessert);
    }

    private static async Task ExpectLinesAsync(IPage page, string code, string pizza, string dessert)
    {
        var lines = Items(page, code).GetByRole(AriaRole.Listitem);
        await Expect(lines).ToHaveCountAsync(2);
        await Expect(lines.Nth(0)).ToContainTextAsync($"2× {pizza}");
        await Expect(lines.Nth(1)).ToContainTextAsync($"1× {dessert}");
    }
}
