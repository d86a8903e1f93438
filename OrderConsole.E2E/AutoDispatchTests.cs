using System.Text;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using OrderConsole.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace OrderConsole.E2E;

/// <summary>
/// The default run (embedded store, demo data) with its workers: an admin turns auto-dispatch on in the settings, an
/// order is walked to ready, and the dispatcher sees it on the road with the driver, and its timeline gives the reason.
/// The console is its own, so the switch does not reach the tests that dispatch by hand.
/// </summary>
public sealed class AutoDispatchTests : IAsyncLifetime
{
    private static readonly string[] s_failing = ["serious", "critical"];
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private ConsoleProcess? _console;

    public async Task InitializeAsync()
    {
        _console = await ConsoleProcess.StartAsync();
        _playwright = await Playwright.CreateAsync();
        _browser = await Chromium.LaunchAsync(_playwright);
    }

    [Fact]
    public async Task With_the_switch_on_in_the_settings_an_order_walked_to_ready_is_dispatched_with_its_reason_on_the_page()
    {
        await using var context = await _browser!.NewContextAsync(new() { ViewportSize = new() { Width = 1400, Height = 900 } });
        await ConsoleSignIn.AsAsync(context, _console!.Address, "admin");
        var settings = await ConsoleFixture.OpenAsync(context, _console.Address, "/admin/settings");
        IPage? dispatch = null;
        try
        {
            await settings.GetByRole(AriaRole.Switch, new() { Name = "Auto-dispatch ready orders" }).CheckAsync();
            await settings.GetByRole(AriaRole.Button, new() { Name = "Save settings" }).ClickAsync();
            await Expect(settings.GetByLabel("Settings in force")).ToContainTextAsync("on, within 3 km");

            // The "saved" snackbar fades in, and axe judges its colours mid-fade: read the page once it is dismissed.
            var saved = settings.Locator(".mud-snackbar").Filter(new() { HasText = "Settings saved" });
            await saved.GetByRole(AriaRole.Button, new() { Name = "Close" }).ClickAsync();
            await Expect(saved).ToHaveCountAsync(0);
            await AssertAccessibleAsync(settings);

            using var api = await ConsoleApi.SignInAsync(_console.Address, "admin");
            var created = await api.PostAsync("/api/orders", new { supplier_id = "luigis", pizza_name = "Auto Pizza", supplier_price = 12 });
            var id = created.GetProperty("id").GetString();
            var reference = created.GetProperty("supplier_tracking_id").GetString()!;
            await api.PostAsync($"/api/orders/{id}/supplier-respond?accept=true&estimated_time=25");
            await api.PostAsync($"/api/orders/{id}/customer-accept?customer_name=John%20Doe&delivery_address=456%20Oak%20Avenue&customer_phone=%2B1%20555%200199");
            await api.PostAsync($"/api/orders/{id}/status?status=preparing");
            await api.PostAsync($"/api/orders/{id}/status?status=ready");

            dispatch = await ConsoleFixture.OpenAsync(context, _console.Address, "/dispatch");
            var onTheRoad = dispatch.GetByRole(AriaRole.Row).Filter(new() { HasText = reference });
            await Expect(onTheRoad).ToContainTextAsync("dispatched");
            await Expect(dispatch.GetByRole(AriaRole.Button, new() { Name = $"Reassign {reference}", Exact = true })).ToBeVisibleAsync();

            var tracker = await ConsoleFixture.OpenAsync(context, _console.Address, $"/tracker/{id}");
            await Expect(tracker.GetByText(new System.Text.RegularExpressions.Regex(@"auto-dispatch dispatched the order with .+ — nearest available \d+\.\d km"))).ToBeVisibleAsync();
        }
        catch
        {
            await ConsoleFixture.SaveScreenshotsAsync(("failed-auto-dispatch-settings", settings));
            if (dispatch is not null)
            {
                await ConsoleFixture.SaveScreenshotsAsync(("failed-auto-dispatch-desk", dispatch));
            }

            throw;
        }
    }

    private static async Task AssertAccessibleAsync(IPage page)
    {
        var result = await page.RunAxe();
        var failing = result.Violations.Where(violation => s_failing.Contains(violation.Impact)).ToList();
        var report = new StringBuilder();
        foreach (var violation in failing)
        {
            report.AppendLine($"{violation.Id} ({violation.Impact}): {violation.Help} — {string.Join(" | ", violation.Nodes.Take(3).Select(node => node.Html))}");
        }

        Assert.True(failing.Count == 0, report.ToString());
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_console is not null)
        {
            await _console.DisposeAsync();
        }
    }
}
