using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OrderConsole.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace OrderConsole.E2E;

/// <summary>
/// The live dashboard and an order's delivery tracker stay open in a second window while a person takes that
/// order from creation to delivery on the supplier, customer and dispatch pages: both follow without a reload.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed partial class DashboardAndTrackerTests(ConsoleFixture fixture)
{
    private static readonly BrowserNewContextOptions s_desktop = new() { ViewportSize = new() { Width = 1400, Height = 900 } };

    [Fact]
    public async Task The_dashboard_and_the_tracker_follow_an_order_from_creation_to_delivery_without_a_reload()
    {
        await using var staff = await fixture.Browser.NewContextAsync(s_desktop);
        await using var watcher = await fixture.Browser.NewContextAsync(s_desktop);
        await ConsoleSignIn.AsAsync(staff, fixture.Console.Address, "admin");
        await ConsoleSignIn.AsAsync(watcher, fixture.Console.Address, "admin");
        var supplier = await fixture.OpenAsync(staff, "/supplier");
        var customer = await fixture.OpenAsync(staff, "/customer");
        var dispatch = await fixture.OpenAsync(staff, "/dispatch");
        var dashboard = await fixture.OpenAsync(watcher, "/dashboard");
        var orders = await fixture.OpenAsync(watcher, "/orders");
        IPage? tracker = null;
        try
        {
            tracker = await WalkTheLifecycleAsync(supplier, customer, dispatch, dashboard, orders);
        }
        catch
        {
            await ConsoleFixture.SaveScreenshotsAsync(("failed-dashboard", dashboard), ("failed-tracker", tracker ?? orders));
            throw;
        }

        await ConsoleFixture.SaveScreenshotsAsync(("dashboard", dashboard), ("tracker", tracker));
    }

    [Fact]
    public async Task The_tracker_of_an_unknown_order_says_there_is_no_such_order()
    {
        await using var context = await fixture.Browser.NewContextAsync();
        await ConsoleSignIn.AsAsync(context, fixture.Console.Address, "admin");

        var tracker = await fixture.OpenAsync(context, $"/tracker/{Guid.NewGuid()}");

        await Expect(tracker.GetByRole(AriaRole.Heading, new() { Name = "No such order", Level = 1 })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task The_dashboard_shows_this_instances_health()
    {
        await using var context = await fixture.Browser.NewContextAsync();
        await ConsoleSignIn.AsAsync(context, fixture.Console.Address, "admin");

        var dashboard = await fixture.OpenAsync(context, "/dashboard");

        var health = dashboard.GetByRole(AriaRole.Region, new() { Name = "Health" });
        await Expect(health).ToContainTextAsync("Connected");
        await Expect(health).ToContainTextAsync(new Regex(@"Open circuits\s*[1-9]"));
    }

    private static async Task<IPage> WalkTheLifecycleAsync(IPage supplier, IPage customer, IPage dispatch, IPage dashboard, IPage orders)
    {
        var item = "Tracked Pizza " + Guid.NewGuid().ToString("N")[..8];
        ILocator RowOf(IPage page) => page.GetByRole(AriaRole.Row).Filter(new() { HasText = item });
        var pendingBefore = await CountOnDashboardAsync(dashboard, "pending supplier");
        await MarkNotReloadedAsync(dashboard);

        // The supplier creates the order: the dashboard counts it and names it in its activity feed.
        await supplier.GetByLabel("Item").FillAsync(item);
        await supplier.GetByLabel("Supplier price").FillAsync("12.50");
        await supplier.GetByRole(AriaRole.Button, new() { Name = "Create order" }).ClickAsync();
        var track = RowOf(orders).GetByRole(AriaRole.Link, new() { NameRegex = TrackLink() });
        var reference = (await track.GetAttributeAsync("aria-label"))!["Track ".Length..];
        await Expect(StatusCount(dashboard, "pending supplier")).ToHaveTextAsync((pendingBefore + 1).ToString(CultureInfo.InvariantCulture));
        await Expect(Activity(dashboard, $"created {reference}")).ToHaveCountAsync(1);

        // The order's tracker opens from the orders grid, at the first step with no delivery progress.
        await track.ClickAsync();
        var tracker = orders;
        await Expect(tracker.GetByRole(AriaRole.Heading, new() { Name = $"Order {reference}", Level = 1 })).ToBeVisibleAsync();
        await MarkNotReloadedAsync(tracker);
        await Expect(CurrentStep(tracker)).ToContainTextAsync("Created");
        await Expect(Progress(tracker)).ToHaveAttributeAsync("aria-valuenow", "0");
        await Expect(Timeline(tracker)).ToContainTextAsync("created the order");

        // The supplier accepts with an estimate: the tracker's ETA starts counting down.
        await supplier.GetByLabel("Estimated minutes").FillAsync("25");
        await supplier.GetByRole(AriaRole.Button, new() { Name = "Accept order" }).ClickAsync();
        await Expect(CurrentStep(tracker)).ToContainTextAsync("Supplier accepted");
        await Expect(Timeline(tracker)).ToContainTextAsync("accepted the order, delivery in 25 min");
        var countdown = tracker.GetByRole(AriaRole.Timer, new() { Name = "Time to estimated arrival" });
        await Expect(countdown).ToContainTextAsync("left");
        await Expect(countdown).Not.ToHaveTextAsync(await countdown.TextContentAsync() ?? string.Empty);

        // The customer accepts; the supplier prepares it and marks it ready.
        await RowOf(customer).GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Open offer") }).ClickAsync();
        await customer.GetByLabel("Your name").FillAsync("Tracked Customer");
        await customer.GetByLabel("Phone").FillAsync("+1 555 0142");
        await customer.GetByLabel("Delivery address").FillAsync("7 Tracker Lane");
        await customer.GetByRole(AriaRole.Button, new() { Name = "Accept offer" }).ClickAsync();
        await Expect(CurrentStep(tracker)).ToContainTextAsync("Customer accepted");
        await supplier.GetByRole(AriaRole.Button, new() { Name = "Start preparing" }).ClickAsync();
        await Expect(CurrentStep(tracker)).ToContainTextAsync("Preparing");
        await supplier.GetByRole(AriaRole.Button, new() { Name = "Mark ready" }).ClickAsync();
        await Expect(CurrentStep(tracker)).ToContainTextAsync("Ready");
        await Expect(Progress(tracker)).ToHaveAttributeAsync("aria-valuenow", "0");

        // Dispatch puts a driver on it: a third of the way, the driver on the tracker, the delivery on the dashboard.
        await RowOf(dispatch).GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Open order") }).ClickAsync();
        var driverField = dispatch.GetByLabel("Driver", new() { Exact = true });
        var firstDriver = driverField.Locator("option:not([value=''])").First;
        var driverName = (await firstDriver.TextContentAsync())!.Split(" (")[0].Trim();
        await driverField.SelectOptionAsync((await firstDriver.GetAttributeAsync("value"))!);
        await dispatch.GetByRole(AriaRole.Button, new() { Name = "Dispatch order" }).ClickAsync();
        await Expect(Progress(tracker)).ToHaveAttributeAsync("aria-valuenow", "33");
        await Expect(tracker.GetByRole(AriaRole.Region, new() { Name = "Driver" })).ToContainTextAsync(driverName);
        await Expect(Timeline(tracker)).ToContainTextAsync($"dispatched the order with {driverName}");
        var underWay = dashboard.GetByRole(AriaRole.Region, new() { Name = "Deliveries under way" });
        await Expect(underWay.GetByRole(AriaRole.Row).Filter(new() { HasText = reference })).ToContainTextAsync(driverName);

        // In transit, then delivered: two thirds, then all the way; the delivery leaves the dashboard's list.
        await RowOf(dispatch).GetByRole(AriaRole.Button, new() { NameRegex = new Regex("in transit$") }).ClickAsync();
        await Expect(Progress(tracker)).ToHaveAttributeAsync("aria-valuenow", "66");
        await Expect(underWay.GetByRole(AriaRole.Row).Filter(new() { HasText = reference })).ToContainTextAsync("in transit");
        await RowOf(dispatch).GetByRole(AriaRole.Button, new() { NameRegex = new Regex("delivered$") }).ClickAsync();
        await Expect(Progress(tracker)).ToHaveAttributeAsync("aria-valuenow", "100");
        await Expect(CurrentStep(tracker)).ToContainTextAsync("Delivered");
        await Expect(Timeline(tracker)).ToContainTextAsync("marked the order delivered");
        await Expect(underWay.GetByRole(AriaRole.Link, new() { Name = $"Track {reference}" })).ToHaveCountAsync(0);
        await Expect(Activity(dashboard, $"marked {reference} delivered")).ToHaveCountAsync(1);
        await Expect(StatusCount(dashboard, "pending supplier")).ToHaveTextAsync(pendingBefore.ToString(CultureInfo.InvariantCulture));

        await AssertNotReloadedAsync(dashboard);
        await AssertNotReloadedAsync(tracker);
        return tracker;
    }

    /// <summary>The number in the dashboard's "Orders by status" table (the chart's accessible numbers) for one status.</summary>
    private static ILocator StatusCount(IPage dashboard, string status) =>
        dashboard.GetByRole(AriaRole.Table, new() { Name = "Orders by status" })
            .GetByRole(AriaRole.Row).Filter(new() { Has = dashboard.GetByRole(AriaRole.Rowheader, new() { Name = status, Exact = true }) })
            .GetByRole(AriaRole.Cell);

    private static async Task<int> CountOnDashboardAsync(IPage dashboard, string status) =>
        int.Parse((await StatusCount(dashboard, status).TextContentAsync())!, CultureInfo.InvariantCulture);

    /// <summary>The lines of the dashboard's activity feed that say <paramref name="what"/>.</summary>
    private static ILocator Activity(IPage dashboard, string what) =>
        dashboard.GetByRole(AriaRole.List, new() { Name = "Recent activity" }).GetByRole(AriaRole.Listitem).Filter(new() { HasText = what });

    private static ILocator CurrentStep(IPage tracker) =>
        tracker.GetByRole(AriaRole.List, new() { Name = "Order lifecycle" }).GetByRole(AriaRole.Listitem).Filter(new() { HasText = "(current step)" });

    private static ILocator Progress(IPage tracker) => tracker.GetByRole(AriaRole.Progressbar, new() { Name = "Delivery progress" });

    private static ILocator Timeline(IPage tracker) => tracker.GetByRole(AriaRole.List, new() { Name = "Timeline" });

    /// <summary>A marker that survives only as long as the page is never reloaded.</summary>
    private static Task MarkNotReloadedAsync(IPage page) => page.EvaluateAsync("() => window.notReloaded = true");

    private static async Task AssertNotReloadedAsync(IPage page) =>
        Assert.True(await page.EvaluateAsync<bool>("() => window.notReloaded === true"), $"{page.Url} was reloaded");

    [GeneratedRegex("^Track ")]
    private static partial Regex TrackLink();
}
