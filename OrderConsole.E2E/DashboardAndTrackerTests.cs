using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OrderConsole.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace OrderConsole.E2E;

/// <summary>
/// Five people take one order from creation to delivery, each signed in with their own role in their own browser
/// context: supplier1 (Luigi's) creates, accepts, prepares and marks it ready, the customer accepts the offer, the
/// dispatcher puts the demo driver Ana on it, and Ana (the driver user) picks it up and delivers it. Meanwhile the
/// admin's dashboard and a staff tracker of the order stay open in two more contexts and follow every step
/// without a reload.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed partial class DashboardAndTrackerTests(ConsoleFixture fixture)
{
    private static readonly BrowserNewContextOptions s_desktop = new() { ViewportSize = new() { Width = 1400, Height = 900 } };
    private static readonly BrowserNewContextOptions s_phone = new() { ViewportSize = new() { Width = 390, Height = 844 } };

    [Fact]
    public async Task Each_role_does_its_part_of_an_order_while_the_dashboard_and_the_tracker_follow_live()
    {
        await using var supplierContext = await SignedInAsync("supplier1", s_desktop);
        await using var customerContext = await SignedInAsync("customer", s_desktop);
        await using var dispatcherContext = await SignedInAsync("dispatcher", s_desktop);
        await using var driverContext = await SignedInAsync("driver", s_phone);
        await using var adminContext = await SignedInAsync("admin", s_desktop);
        await using var trackerContext = await SignedInAsync("dispatcher", s_desktop);
        var desks = new Desks(
            await fixture.OpenAsync(supplierContext, "/supplier"),
            await fixture.OpenAsync(customerContext, "/customer"),
            await fixture.OpenAsync(dispatcherContext, "/dispatch"),
            await fixture.OpenAsync(driverContext, "/driver"),
            await fixture.OpenAsync(adminContext, "/dashboard"),
            await fixture.OpenAsync(trackerContext, "/orders"));
        try
        {
            await WalkTheLifecycleAsync(desks);
        }
        catch
        {
            await ConsoleFixture.SaveScreenshotsAsync(("failed-dashboard", desks.Dashboard), ("failed-tracker", desks.Tracker), ("failed-driver", desks.Driver));
            throw;
        }

        await ConsoleFixture.SaveScreenshotsAsync(("dashboard", desks.Dashboard), ("tracker", desks.Tracker));
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

    private static async Task WalkTheLifecycleAsync(Desks desks)
    {
        var (supplier, customer, dispatch, driver, dashboard, tracker) = desks;
        var item = "Tracked Pizza " + Guid.NewGuid().ToString("N")[..8];
        ILocator RowOf(IPage page) => page.GetByRole(AriaRole.Row).Filter(new() { HasText = item });

        // Ana finishes whatever she still has on the road, so the dispatcher can choose her.
        await FinishDeliveriesUnderWayAsync(driver);
        var pendingBefore = await CountOnDashboardAsync(dashboard, "pending supplier");
        await MarkNotReloadedAsync(dashboard);

        // supplier1 creates the order: the dashboard counts it and names it in its activity feed.
        await supplier.GetByLabel("Item").FillAsync(item);
        await supplier.GetByLabel("Supplier price").FillAsync("12.50");
        await supplier.GetByRole(AriaRole.Button, new() { Name = "Create order" }).ClickAsync();
        var track = RowOf(tracker).GetByRole(AriaRole.Link, new() { NameRegex = TrackLink() });
        var reference = (await track.GetAttributeAsync("aria-label"))!["Track ".Length..];
        await Expect(StatusCount(dashboard, "pending supplier")).ToHaveTextAsync((pendingBefore + 1).ToString(CultureInfo.InvariantCulture));
        await Expect(Activity(dashboard, $"supplier1 created {reference}")).ToHaveCountAsync(1);

        // The staff tracker opens from the orders grid, at the first step with no delivery progress.
        await track.ClickAsync();
        await Expect(tracker.GetByRole(AriaRole.Heading, new() { Name = $"Order {reference}", Level = 1 })).ToBeVisibleAsync();
        await MarkNotReloadedAsync(tracker);
        await Expect(CurrentStep(tracker)).ToContainTextAsync("Created");
        await Expect(Progress(tracker)).ToHaveAttributeAsync("aria-valuenow", "0");
        await Expect(Timeline(tracker)).ToContainTextAsync("supplier1 created the order");

        // supplier1 accepts with notes and an estimate: the tracker's ETA starts counting down.
        await supplier.GetByLabel("Notes for the customer").FillAsync("Extra basil on request");
        await supplier.GetByLabel("Estimated minutes").FillAsync("25");
        await supplier.GetByRole(AriaRole.Button, new() { Name = "Accept order" }).ClickAsync();
        await Expect(CurrentStep(tracker)).ToContainTextAsync("Supplier accepted");
        await Expect(Timeline(tracker)).ToContainTextAsync("supplier1 accepted the order, delivery in 25 min");
        await Expect(tracker.GetByRole(AriaRole.Region, new() { Name = "Order", Exact = true })).ToContainTextAsync("Extra basil on request");
        var countdown = tracker.GetByRole(AriaRole.Timer, new() { Name = "Time to estimated arrival" });
        await Expect(countdown).ToContainTextAsync("left");
        await Expect(countdown).Not.ToHaveTextAsync(await countdown.TextContentAsync() ?? string.Empty);
        await Expect(Activity(dashboard, $"supplier1 accepted {reference}, delivery in 25 min")).ToHaveCountAsync(1);

        // The customer accepts the offer with name, phone and address.
        await RowOf(customer).GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Open offer") }).ClickAsync();
        await customer.GetByLabel("Your name").FillAsync("Tracked Customer");
        await customer.GetByLabel("Phone").FillAsync("+1 555 0142");
        await customer.GetByLabel("Delivery address").FillAsync("7 Tracker Lane");
        await customer.GetByRole(AriaRole.Button, new() { Name = "Accept offer" }).ClickAsync();
        await Expect(CurrentStep(tracker)).ToContainTextAsync("Customer accepted");
        await Expect(tracker.GetByRole(AriaRole.Region, new() { Name = "Order", Exact = true })).ToContainTextAsync("7 Tracker Lane");
        await Expect(Activity(dashboard, $"customer accepted the offer for {reference}")).ToHaveCountAsync(1);

        // supplier1 prepares it and marks it ready.
        await supplier.GetByRole(AriaRole.Button, new() { Name = "Start preparing" }).ClickAsync();
        await Expect(CurrentStep(tracker)).ToContainTextAsync("Preparing");
        await Expect(Activity(dashboard, $"supplier1 started preparing {reference}")).ToHaveCountAsync(1);
        await supplier.GetByRole(AriaRole.Button, new() { Name = "Mark ready" }).ClickAsync();
        await Expect(CurrentStep(tracker)).ToContainTextAsync("Ready");
        await Expect(Progress(tracker)).ToHaveAttributeAsync("aria-valuenow", "0");
        await Expect(Activity(dashboard, $"supplier1 marked {reference} ready")).ToHaveCountAsync(1);

        // The dispatcher puts Ana on it: a third of the way, Ana on the tracker and the dashboard, the delivery on her phone.
        await RowOf(dispatch).GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Open order") }).ClickAsync();
        await Pickers.ChooseAsync(dispatch, "Driver", "Ana Lopez");
        await dispatch.GetByRole(AriaRole.Button, new() { Name = "Dispatch order" }).ClickAsync();
        await Expect(Progress(tracker)).ToHaveAttributeAsync("aria-valuenow", "33");
        await Expect(tracker.GetByRole(AriaRole.Region, new() { Name = "Driver" })).ToContainTextAsync("Ana Lopez");
        await Expect(Timeline(tracker)).ToContainTextAsync("dispatcher dispatched the order with Ana Lopez");
        var underWay = dashboard.GetByRole(AriaRole.Region, new() { Name = "Deliveries under way" });
        await Expect(underWay.GetByRole(AriaRole.Row).Filter(new() { HasText = reference })).ToContainTextAsync("Ana Lopez");
        var delivery = driver.GetByRole(AriaRole.Article, new() { Name = $"Delivery {reference}" });
        await Expect(delivery).ToContainTextAsync("7 Tracker Lane");

        // Ana picks it up: two thirds of the way.
        await delivery.GetByRole(AriaRole.Button, new() { Name = $"Mark {reference} in transit" }).ClickAsync();
        await Expect(Progress(tracker)).ToHaveAttributeAsync("aria-valuenow", "66");
        await Expect(underWay.GetByRole(AriaRole.Row).Filter(new() { HasText = reference })).ToContainTextAsync("in transit");
        await Expect(Activity(dashboard, $"driver marked {reference} in transit")).ToHaveCountAsync(1);
        await Expect(delivery.GetByRole(AriaRole.Button, new() { Name = $"Mark {reference} delivered" })).ToBeVisibleAsync();
        await ConsoleFixture.SaveScreenshotsAsync(("driver", driver));

        // Ana delivers it: all the way; the delivery leaves the dashboard's list and Ana's phone.
        await delivery.GetByRole(AriaRole.Button, new() { Name = $"Mark {reference} delivered" }).ClickAsync();
        await Expect(Progress(tracker)).ToHaveAttributeAsync("aria-valuenow", "100");
        await Expect(CurrentStep(tracker)).ToContainTextAsync("Delivered");
        await Expect(Timeline(tracker)).ToContainTextAsync("driver marked the order delivered");
        await Expect(underWay.GetByRole(AriaRole.Link, new() { Name = $"Track {reference}" })).ToHaveCountAsync(0);
        await Expect(Activity(dashboard, $"driver marked {reference} delivered")).ToHaveCountAsync(1);
        await Expect(StatusCount(dashboard, "pending supplier")).ToHaveTextAsync(pendingBefore.ToString(CultureInfo.InvariantCulture));
        await Expect(delivery).ToHaveCountAsync(0);

        await AssertNotReloadedAsync(dashboard);
        await AssertNotReloadedAsync(tracker);
    }

    /// <summary>The driver marks every delivery on their desk in transit and then delivered, until none is left.</summary>
    private static async Task FinishDeliveriesUnderWayAsync(IPage driver)
    {
        var nextMove = driver.GetByRole(AriaRole.Button, new() { NameRegex = new Regex(@"^Mark \S+ (in transit|delivered)$") }).First;
        while (await nextMove.CountAsync() > 0)
        {
            var name = (await nextMove.GetAttributeAsync("aria-label"))!;
            await nextMove.ClickAsync();
            await Expect(driver.GetByRole(AriaRole.Button, new() { Name = name, Exact = true })).ToHaveCountAsync(0);
        }
    }

    private async Task<IBrowserContext> SignedInAsync(string user, BrowserNewContextOptions options)
    {
        var context = await fixture.Browser.NewContextAsync(options);
        await ConsoleSignIn.AsAsync(context, fixture.Console.Address, user);
        return context;
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

    /// <summary>The pages of the people taking part, each in its own signed-in browser context.</summary>
    private sealed record Desks(IPage Supplier, IPage Customer, IPage Dispatch, IPage Driver, IPage Dashboard, IPage Tracker);
}
