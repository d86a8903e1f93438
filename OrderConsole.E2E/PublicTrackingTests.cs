using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OrderConsole.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace OrderConsole.E2E;

/// <summary>
/// A customer keeps the public tracking link open, signed in nowhere, while staff take the order to the door: the
/// page follows every step live over its event stream, without a reload and without a Blazor circuit. Without
/// JavaScript the page still shows everything.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class PublicTrackingTests(ConsoleFixture fixture)
{
    private static readonly BrowserNewContextOptions s_desktop = new() { ViewportSize = new() { Width = 1400, Height = 900 } };

    [Fact]
    public async Task The_public_tracking_page_follows_an_order_to_delivery_without_a_reload_or_a_circuit()
    {
        await using var staff = await fixture.Browser.NewContextAsync(s_desktop);
        await ConsoleSignIn.AsAsync(staff, fixture.Console.Address, "admin");
        var supplier = await fixture.OpenAsync(staff, "/supplier");
        var customer = await fixture.OpenAsync(staff, "/customer");
        var dispatch = await fixture.OpenAsync(staff, "/dispatch");
        var orders = await fixture.OpenAsync(staff, "/orders");
        var item = "Public Pizza " + Guid.NewGuid().ToString("N")[..8];
        ILocator RowOf(IPage page) => page.GetByRole(AriaRole.Row).Filter(new() { HasText = item });

        await supplier.GetByLabel("Item").FillAsync(item);
        await supplier.GetByLabel("Supplier price").FillAsync("12.50");
        await supplier.GetByRole(AriaRole.Button, new() { Name = "Create order" }).ClickAsync();
        var link = await PublicLinkAsync(orders, RowOf(orders).GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Track ") }));

        // The customer opens the link in a browser that has never signed in.
        await using var anonymous = await fixture.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 900, Height = 1100 } });
        var page = await anonymous.NewPageAsync();
        var connections = new List<string>();
        page.Request += (_, request) => connections.Add(request.Url);
        page.WebSocket += (_, socket) => connections.Add(socket.Url);
        try
        {
            await page.GotoAsync(new Uri(fixture.Console.Address, link).ToString());
            await Expect(Status(page)).ToHaveTextAsync("Waiting for the supplier");
            await Expect(LiveNote(page)).ToContainTextAsync("updates by itself");
            await page.EvaluateAsync("() => window.notReloaded = true");

            await supplier.GetByLabel("Estimated minutes").FillAsync("25");
            await supplier.GetByRole(AriaRole.Button, new() { Name = "Accept order" }).ClickAsync();
            await Expect(CurrentStep(page)).ToContainTextAsync("Supplier accepted");
            await Expect(page.GetByText(new Regex(@"in \d+ min"))).ToBeVisibleAsync();

            await RowOf(customer).GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Open offer") }).ClickAsync();
            await customer.GetByLabel("Your name").FillAsync("Public Customer");
            await customer.GetByLabel("Phone").FillAsync("+1 555 0142");
            await customer.GetByLabel("Delivery address").FillAsync("3 Public Road");
            await customer.GetByRole(AriaRole.Button, new() { Name = "Accept offer" }).ClickAsync();
            await Expect(CurrentStep(page)).ToContainTextAsync("Customer accepted");

            await supplier.GetByRole(AriaRole.Button, new() { Name = "Start preparing" }).ClickAsync();
            await Expect(CurrentStep(page)).ToContainTextAsync("Preparing");
            await supplier.GetByRole(AriaRole.Button, new() { Name = "Mark ready" }).ClickAsync();
            await Expect(CurrentStep(page)).ToContainTextAsync("Ready");

            await RowOf(dispatch).GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Open order") }).ClickAsync();
            var driverName = (await Pickers.ChooseAsync(dispatch, "Driver")).Split(" (")[0].Trim();
            await dispatch.GetByRole(AriaRole.Button, new() { Name = "Dispatch order" }).ClickAsync();
            await Expect(CurrentStep(page)).ToContainTextAsync("Dispatched");
            await Expect(Progress(page)).ToHaveAttributeAsync("aria-valuenow", "33");
            await Expect(Driver(page)).ToContainTextAsync(driverName.Split(' ')[0]);
            await Expect(Driver(page)).Not.ToContainTextAsync(driverName.Split(' ')[^1]);

            await RowOf(dispatch).GetByRole(AriaRole.Button, new() { NameRegex = new Regex("in transit$") }).ClickAsync();
            await Expect(CurrentStep(page)).ToContainTextAsync("In transit");
            await Expect(Progress(page)).ToHaveAttributeAsync("aria-valuenow", "66");
            await Expect(Driver(page)).ToContainTextAsync("Last reported position");
            // The README's picture: in transit the page shows the most (ETA, driver, position).
            await ConsoleFixture.SaveScreenshotsAsync(("tracking", page));

            await RowOf(dispatch).GetByRole(AriaRole.Button, new() { NameRegex = new Regex("delivered$") }).ClickAsync();
            await Expect(Status(page)).ToHaveTextAsync("Delivered");
            await Expect(CurrentStep(page)).ToContainTextAsync("Delivered");
            await Expect(Progress(page)).ToHaveAttributeAsync("aria-valuenow", "100");
            await Expect(page.GetByRole(AriaRole.List, new() { Name = "Timeline" })).ToContainTextAsync("Delivered");
            await Expect(LiveNote(page)).ToContainTextAsync("complete");

            Assert.True(await page.EvaluateAsync<bool>("() => window.notReloaded === true"), "the public page was reloaded");
            Assert.DoesNotContain(connections, url => url.Contains("_blazor", StringComparison.Ordinal) || url.Contains("blazor.web.js", StringComparison.Ordinal));
        }
        catch
        {
            await ConsoleFixture.SaveScreenshotsAsync(("failed-tracking", page), ("failed-tracking-dispatch", dispatch));
            throw;
        }
    }

    [Fact]
    public async Task The_public_tracking_page_follows_an_order_driven_through_the_rest_api_to_delivery()
    {
        using var admin = await ConsoleApi.SignInAsync(fixture.Console.Address, "admin");
        var order = await admin.PostAsync("/api/orders", new { supplier_id = "luigis", pizza_name = "API Pizza", supplier_price = 11 });
        var id = order.GetProperty("id").GetString();
        await using var anonymous = await fixture.Browser.NewContextAsync();
        var page = await anonymous.NewPageAsync();
        var connections = new List<string>();
        page.Request += (_, request) => connections.Add(request.Url);
        page.WebSocket += (_, socket) => connections.Add(socket.Url);
        await page.GotoAsync(new Uri(fixture.Console.Address, $"/track/{order.GetProperty("tracking_token").GetString()}").ToString());
        await Expect(Status(page)).ToHaveTextAsync("Waiting for the supplier");
        await page.EvaluateAsync("() => window.notReloaded = true");

        foreach (var (step, shown) in new[]
        {
            ("supplier-respond?accept=true&estimated_time=30", "Supplier accepted"),
            ("customer-accept?customer_name=Api%20Customer&delivery_address=4%20Api%20Road", "Customer accepted"),
            ("status?status=preparing", "Preparing"),
            ("status?status=ready", "Ready"),
        })
        {
            await admin.PostAsync($"/api/orders/{id}/{step}");
            await Expect(CurrentStep(page)).ToContainTextAsync(shown);
        }

        var state = await admin.GetAsync("/api/state");
        var driver = state.GetProperty("drivers_on_shift").EnumerateArray().First(candidate => candidate.GetProperty("status").GetString() == "available");
        await admin.PostAsync($"/api/orders/{id}/dispatch?driver_id={driver.GetProperty("id").GetString()}");
        await Expect(Progress(page)).ToHaveAttributeAsync("aria-valuenow", "33");
        await admin.PostAsync($"/api/orders/{id}/status?status=in_transit");
        await Expect(Progress(page)).ToHaveAttributeAsync("aria-valuenow", "66");
        await admin.PostAsync($"/api/orders/{id}/status?status=delivered");
        await Expect(Status(page)).ToHaveTextAsync("Delivered");
        await Expect(Progress(page)).ToHaveAttributeAsync("aria-valuenow", "100");

        Assert.True(await page.EvaluateAsync<bool>("() => window.notReloaded === true"), "the public page was reloaded");
        Assert.DoesNotContain(connections, url => url.Contains("_blazor", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Without_JavaScript_the_public_tracking_page_shows_the_whole_state()
    {
        await using var staff = await fixture.Browser.NewContextAsync(s_desktop);
        await ConsoleSignIn.AsAsync(staff, fixture.Console.Address, "admin");
        // All orders filtered to deliveries in transit, as a link with the filter in its address.
        var orders = await fixture.OpenAsync(staff, "/orders?status=in_transit");

        // The grid asks the server for the filtered page; take a row once it shows an order in transit.
        var inTransit = orders.GetByRole(AriaRole.Row).Filter(new() { HasText = "in transit" }).First;
        var link = await PublicLinkAsync(orders, inTransit.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Track ") }));

        await using var noScript = await fixture.Browser.NewContextAsync(new() { JavaScriptEnabled = false });
        var page = await noScript.NewPageAsync();
        await page.GotoAsync(new Uri(fixture.Console.Address, link).ToString());

        await Expect(Status(page)).ToHaveTextAsync("On the way");
        await Expect(CurrentStep(page)).ToContainTextAsync("In transit");
        await Expect(Progress(page)).ToHaveAttributeAsync("aria-valuenow", "66");
        await Expect(page.GetByText("Expected at")).ToBeVisibleAsync();
        await Expect(Driver(page)).ToContainTextAsync("is your driver");
        await Expect(Driver(page)).ToContainTextAsync("Last reported position");
        await Expect(page.GetByRole(AriaRole.List, new() { Name = "Timeline" }).GetByRole(AriaRole.Listitem)).Not.ToHaveCountAsync(0);
        await Expect(page.Locator("meta[http-equiv=refresh]")).ToHaveCountAsync(1);
    }

    /// <summary>Opens an order's staff tracker from <paramref name="trackLink"/> and reads the customer's public link from it.</summary>
    private static async Task<string> PublicLinkAsync(IPage orders, ILocator trackLink)
    {
        await trackLink.ClickAsync();
        var link = orders.GetByRole(AriaRole.Link, new() { Name = "Public tracking page" });
        await Expect(link).ToHaveAttributeAsync("href", new Regex("^/track/[A-Za-z0-9_-]{22}$"));
        return (await link.GetAttributeAsync("href"))!;
    }

    private static ILocator Status(IPage page) => page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    private static ILocator CurrentStep(IPage page) =>
        page.GetByRole(AriaRole.List, new() { Name = "Order lifecycle" }).GetByRole(AriaRole.Listitem).Filter(new() { HasText = "(current step)" });

    private static ILocator Progress(IPage page) => page.GetByRole(AriaRole.Progressbar, new() { Name = "Delivery progress" });

    private static ILocator Driver(IPage page) => page.GetByRole(AriaRole.Region, new() { Name = "Driver", Exact = true });

    private static ILocator LiveNote(IPage page) => page.GetByRole(AriaRole.Status);
}
