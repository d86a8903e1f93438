using System.Globalization;
using Microsoft.Playwright;
using OrderConsole.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace OrderConsole.E2E;

/// <summary>
/// Two console processes share one Redis: the demo data is seeded once for both, and a change made through
/// one instance's pages shows up on a page of the other instance while it stays open.
/// </summary>
[Collection(SharedRedisCollection.Name)]
public sealed class TwoInstancesTests(SharedRedisFixture fixture)
{
    [Fact]
    public async Task A_change_made_on_one_instance_appears_live_in_a_browser_on_the_other()
    {
        await using var browserOnA = await fixture.Browser.NewContextAsync();
        await using var browserOnB = await fixture.Browser.NewContextAsync();
        await ConsoleSignIn.AsAsync(browserOnA, fixture.InstanceA.Address, "admin");
        await ConsoleSignIn.AsAsync(browserOnB, fixture.InstanceB.Address, "dispatcher");
        var supplierOnA = await SharedRedisFixture.OpenAsync(browserOnA, fixture.InstanceA, "/supplier");
        var ordersOnA = await SharedRedisFixture.OpenAsync(browserOnA, fixture.InstanceA, "/orders");
        var ordersOnB = await SharedRedisFixture.OpenAsync(browserOnB, fixture.InstanceB, "/orders");
        var totalBefore = await TotalOrdersAsync(ordersOnA);

        // A marker that only survives as long as B's page is never reloaded or navigated away.
        await ordersOnB.EvaluateAsync("() => window.notReloaded = true");
        var item = "Two Instances Pizza " + Guid.NewGuid().ToString("N")[..8];
        var rowOnB = ordersOnB.GetByRole(AriaRole.Row).Filter(new() { HasText = item });

        await supplierOnA.GetByLabel("Item").FillAsync(item);
        await supplierOnA.GetByLabel("Supplier price").FillAsync("14.00");
        await supplierOnA.GetByRole(AriaRole.Button, new() { Name = "Create order" }).ClickAsync();
        await Expect(rowOnB).ToContainTextAsync("pending supplier");
        await Expect(StatusFilter(ordersOnB)).ToHaveAttributeAsync("placeholder", $"Every status ({totalBefore + 1})");

        await supplierOnA.GetByLabel("Estimated minutes").FillAsync("20");
        await supplierOnA.GetByRole(AriaRole.Button, new() { Name = "Accept order" }).ClickAsync();
        await Expect(rowOnB).ToContainTextAsync("supplier accepted");

        Assert.True(await ordersOnB.EvaluateAsync<bool>("() => window.notReloaded === true"), "the page on instance B was reloaded");
    }

    [Fact]
    public async Task Both_instances_show_the_same_orders_from_demo_data_seeded_only_once()
    {
        await using var browser = await fixture.Browser.NewContextAsync();
        await ConsoleSignIn.AsAsync(browser, fixture.InstanceA.Address, "dispatcher");
        var ordersOnA = await SharedRedisFixture.OpenAsync(browser, fixture.InstanceA, "/orders");
        var ordersOnB = await SharedRedisFixture.OpenAsync(browser, fixture.InstanceB, "/orders");

        // No test here moves an order into these statuses, so they hold exactly what the demo seeding put there
        // (6 delivered, 2 rejected, 2 cancelled); a second seeding would double them.
        var counts = new List<IReadOnlyList<string>>();
        foreach (var page in new[] { ordersOnA, ordersOnB })
        {
            // Each runs on the shared Redis, not on an embedded store of its own with its own demo data.
            await Expect(page.GetByText("Running on the embedded in-memory store")).ToHaveCountAsync(0);
            var shown = await StatusCountsAsync(page);
            Assert.Contains("delivered (6)", shown);
            Assert.Contains("supplier rejected (2)", shown);
            Assert.Contains("cancelled (2)", shown);
            counts.Add(shown);
        }

        // Every count per status, and the total, read the same on both instances.
        Assert.Equal(counts[0], counts[1]);
    }

    [Fact]
    public async Task A_sign_in_on_one_instance_is_honoured_by_the_other()
    {
        await using var browser = await fixture.Browser.NewContextAsync();
        await ConsoleSignIn.AsAsync(browser, fixture.InstanceA.Address, "dispatcher");

        // Cookies belong to the host, not the port, so instance B receives A's cookie; it can read it only
        // because both keep their data-protection keys in the same Redis.
        var dispatchOnB = await SharedRedisFixture.OpenAsync(browser, fixture.InstanceB, "/dispatch");

        await Expect(dispatchOnB.GetByRole(AriaRole.Heading, new() { Name = "Dispatch", Exact = true })).ToBeVisibleAsync();
    }

    private static ILocator StatusFilter(IPage page) => page.GetByLabel("Status", new() { Exact = true });

    /// <summary>The status filter's choices as a person sees them on opening it, "delivered (6)", then "Every status (N)".</summary>
    private static async Task<IReadOnlyList<string>> StatusCountsAsync(IPage page)
    {
        await StatusFilter(page).ClickAsync();
        var options = page.GetByRole(AriaRole.Option);
        await Expect(options.First).ToBeVisibleAsync();
        var shown = (await options.AllInnerTextsAsync()).Select(text => text.Trim()).ToList();
        await page.Keyboard.PressAsync("Escape");
        shown.Add(await StatusFilter(page).GetAttributeAsync("placeholder") ?? string.Empty);
        return shown;
    }

    private static async Task<int> TotalOrdersAsync(IPage page)
    {
        // The filter, with nothing chosen, reads "Every status (N)".
        await Expect(StatusFilter(page)).ToHaveAttributeAsync("placeholder", new System.Text.RegularExpressions.Regex(@"^Every status \(\d+\)$"));
        var every = await StatusFilter(page).GetAttributeAsync("placeholder") ?? string.Empty;
        var count = every[(every.IndexOf('(', StringComparison.Ordinal) + 1)..every.IndexOf(')', StringComparison.Ordinal)];
        return int.Parse(count, CultureInfo.InvariantCulture);
    }
}
