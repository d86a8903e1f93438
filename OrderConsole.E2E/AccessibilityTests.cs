using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using OrderConsole.E2E.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace OrderConsole.E2E;

/// <summary>
/// axe-core in real Chromium on every page, for every role that may open it (and the sign-in and public tracking
/// pages for anyone): a serious or critical violation fails the test, which prints every violation counted by rule.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class AccessibilityTests(ConsoleFixture fixture, ITestOutputHelper output)
{
    private static readonly string[] s_failing = ["serious", "critical"];

    public static TheoryData<string, string> PagesByRole => new()
    {
        { "admin", "/dashboard" },
        { "admin", "/supplier" },
        { "admin", "/customer" },
        { "admin", "/dispatch" },
        { "admin", "/orders" },
        { "admin", "/driver" },
        { "admin", "/admin/users" },
        { "admin", "/admin/suppliers" },
        { "admin", "/admin/drivers" },
        { "admin", "/admin/settings" },
        { "admin", "/admin/webhooks" },
        { "admin", "/tracker" },
        { "supplier1", "/supplier" },
        { "customer", "/customer" },
        { "dispatcher", "/dispatch" },
        { "dispatcher", "/orders" },
        { "dispatcher", "/tracker" },
        { "driver", "/driver" },
    };

    [Theory]
    [MemberData(nameof(PagesByRole))]
    public async Task A_page_has_no_serious_or_critical_accessibility_violation_for_its_role(string user, string path)
    {
        await using var context = await fixture.Browser.NewContextAsync();
        await ConsoleSignIn.AsAsync(context, fixture.Console.Address, user);
        var target = path == "/tracker" ? await SomeTrackerAsync(context, user) : path;

        var page = await fixture.OpenAsync(context, target);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        await AssertAccessibleAsync(page, $"{target} as {user}");
    }

    [Fact]
    public async Task The_sign_in_page_has_no_serious_or_critical_accessibility_violation()
    {
        await using var context = await fixture.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(fixture.Console.Address, "/account/login").ToString());

        await AssertAccessibleAsync(page, "/account/login");
    }

    [Fact]
    public async Task The_public_tracking_page_has_no_serious_or_critical_accessibility_violation()
    {
        await using var staff = await fixture.Browser.NewContextAsync();
        await ConsoleSignIn.AsAsync(staff, fixture.Console.Address, "dispatcher");
        var tracker = await fixture.OpenAsync(staff, await SomeTrackerAsync(staff, "dispatcher"));
        var link = await tracker.GetByRole(AriaRole.Link, new() { Name = "Public tracking page" }).GetAttributeAsync("href");
        await using var anyone = await fixture.Browser.NewContextAsync();
        var page = await anyone.NewPageAsync();

        await page.GotoAsync(new Uri(fixture.Console.Address, link!).ToString());

        await AssertAccessibleAsync(page, "/track/{token}");
    }

    [Fact]
    public async Task The_public_tracking_page_asking_for_feedback_has_no_serious_or_critical_accessibility_violation()
    {
        using var api = await ConsoleApi.SignInAsync(fixture.Console.Address, "dispatcher");
        var delivered = await CustomerFeedbackTests.UnratedDeliveredOrderAsync(api);
        await using var anyone = await fixture.Browser.NewContextAsync();
        var page = await anyone.NewPageAsync();

        await page.GotoAsync(new Uri(fixture.Console.Address, $"/track/{delivered.GetProperty("tracking_token").GetString()}").ToString());
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Send feedback" })).ToBeVisibleAsync();

        await AssertAccessibleAsync(page, "/track/{token} (delivered, asking for feedback)");
    }

    [Fact]
    public async Task The_maps_of_a_delivery_in_transit_have_no_serious_or_critical_accessibility_violation()
    {
        using var api = await ConsoleApi.SignInAsync(fixture.Console.Address, "admin");
        var order = await LiveMapTests.DeliveryInTransitAsync(api);
        await using var staff = await fixture.Browser.NewContextAsync();
        await ConsoleSignIn.AsAsync(staff, fixture.Console.Address, "admin");
        foreach (var path in new[] { "/dispatch", "/dashboard", $"/tracker/{order.GetProperty("id").GetString()}" })
        {
            var page = await fixture.OpenAsync(staff, path);
            await Expect(page.Locator($"[data-live-map] [data-marker-id='driver:{LiveMapTests.DriverId}']")).ToBeVisibleAsync();

            await AssertAccessibleAsync(page, $"{path} with its map");
        }

        await using var anyone = await fixture.Browser.NewContextAsync();
        var tracking = await anyone.NewPageAsync();
        await tracking.GotoAsync(new Uri(fixture.Console.Address, $"/track/{order.GetProperty("tracking_token").GetString()}").ToString());
        await Expect(tracking.Locator("[data-track-map] [data-marker-id='driver']")).ToBeVisibleAsync();

        await AssertAccessibleAsync(tracking, "/track/{token} (in transit, with the map)");
        await LiveMapTests.FinishDeliveryAsync(api, order);
    }

    [Fact]
    public async Task All_orders_with_an_orders_details_open_has_no_serious_or_critical_accessibility_violation()
    {
        await using var context = await fixture.Browser.NewContextAsync();
        await ConsoleSignIn.AsAsync(context, fixture.Console.Address, "dispatcher");
        var page = await fixture.OpenAsync(context, "/orders");

        await page.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Details of ") }).First.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Open the full tracker") })).ToBeVisibleAsync();
        await Expect(page.GetByText("Loading the timeline…")).ToHaveCountAsync(0);

        await AssertAccessibleAsync(page, "/orders with the details drawer open");
    }

    [Fact]
    public async Task Dispatch_with_an_orders_details_open_has_no_serious_or_critical_accessibility_violation()
    {
        using var api = await ConsoleApi.SignInAsync(fixture.Console.Address, "admin");
        var order = await LiveMapTests.DeliveryInTransitAsync(api);
        await using var context = await fixture.Browser.NewContextAsync();
        await ConsoleSignIn.AsAsync(context, fixture.Console.Address, "dispatcher");
        var page = await fixture.OpenAsync(context, "/dispatch");

        await page.GetByRole(AriaRole.Button, new() { Name = $"Details of {order.GetProperty("supplier_tracking_id").GetString()}", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Open the full tracker") })).ToBeVisibleAsync();
        await Expect(page.GetByText("Loading the timeline…")).ToHaveCountAsync(0);

        await AssertAccessibleAsync(page, "/dispatch with the details drawer open");
        await LiveMapTests.FinishDeliveryAsync(api, order);
    }

    [Fact]
    public async Task All_orders_asking_why_selected_orders_are_cancelled_has_no_serious_or_critical_accessibility_violation()
    {
        await using var context = await fixture.Browser.NewContextAsync();
        await ConsoleSignIn.AsAsync(context, fixture.Console.Address, "dispatcher");
        var page = await fixture.OpenAsync(context, "/orders");

        await page.GetByRole(AriaRole.Checkbox, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Select [A-Z]") }).First.CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Cancel selected" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Dialog)).ToBeVisibleAsync();

        await AssertAccessibleAsync(page, "/orders with the bulk cancel dialog open");
    }

    [Fact]
    public async Task All_orders_asking_which_driver_takes_the_selected_orders_has_no_serious_or_critical_accessibility_violation()
    {
        await using var context = await fixture.Browser.NewContextAsync();
        await ConsoleSignIn.AsAsync(context, fixture.Console.Address, "dispatcher");
        var page = await fixture.OpenAsync(context, "/orders");

        await page.GetByRole(AriaRole.Checkbox, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Select [A-Z]") }).First.CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Assign driver" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Dialog)).ToBeVisibleAsync();

        await AssertAccessibleAsync(page, "/orders with the bulk assign-driver dialog open");
    }

    [Fact]
    public async Task The_supplier_desk_with_an_orders_details_open_has_no_serious_or_critical_accessibility_violation()
    {
        await using var context = await fixture.Browser.NewContextAsync();
        await ConsoleSignIn.AsAsync(context, fixture.Console.Address, "supplier1");
        var page = await fixture.OpenAsync(context, "/supplier");

        await page.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Details of ") }).First.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Open the full tracker") })).ToBeVisibleAsync();
        await Expect(page.GetByText("Loading the timeline…")).ToHaveCountAsync(0);

        await AssertAccessibleAsync(page, "/supplier with the details drawer open");
    }

    [Fact]
    public async Task The_public_tracking_page_thanking_for_feedback_has_no_serious_or_critical_accessibility_violation()
    {
        using var api = await ConsoleApi.SignInAsync(fixture.Console.Address, "dispatcher");
        var delivered = await CustomerFeedbackTests.UnratedDeliveredOrderAsync(api);
        await using var anyone = await fixture.Browser.NewContextAsync();
        var page = await anyone.NewPageAsync();
        await page.GotoAsync(new Uri(fixture.Console.Address, $"/track/{delivered.GetProperty("tracking_token").GetString()}").ToString());

        await page.GetByRole(AriaRole.Radio, new() { Name = "5 stars", Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Send feedback" }).ClickAsync();
        await Expect(page.GetByText("Thank you for your feedback: you rated this delivery 5 of 5.")).ToBeVisibleAsync();

        await AssertAccessibleAsync(page, "/track/{token} (delivered, thanking for the feedback)");
    }

    private async Task AssertAccessibleAsync(IPage page, string what)
    {
        var result = await page.RunAxe();

        var report = new StringBuilder($"axe on {what}: {result.Violations.Length} rule(s) violated\n");
        foreach (var violation in result.Violations.OrderBy(violation => violation.Id, StringComparer.Ordinal))
        {
            report.AppendLine($"  {violation.Id} ({violation.Impact}): {violation.Nodes.Length} node(s) — {violation.Help}");
        }

        output.WriteLine(report.ToString());
        var failing = result.Violations.Where(violation => s_failing.Contains(violation.Impact)).ToList();
        Assert.True(failing.Count == 0, report + Details(failing));
    }

    private static string Details(IEnumerable<AxeResultItem> violations) =>
        string.Join('\n', violations.SelectMany(violation => violation.Nodes.Take(3).Select(node => $"  {violation.Id}: {node.Html}")));

    /// <summary>The tracker of an order this person may see, found the way they would: through the All orders grid.</summary>
    private async Task<string> SomeTrackerAsync(IBrowserContext context, string user)
    {
        Assert.True(user is "admin" or "dispatcher", $"{user} has no All orders page to find a tracker on");
        var page = await fixture.OpenAsync(context, "/orders");
        var track = page.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Track ") }).First;
        var href = await track.GetAttributeAsync("href");
        await page.CloseAsync();
        return "/" + href!.TrimStart('/');
    }
}
