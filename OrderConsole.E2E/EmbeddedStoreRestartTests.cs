using Microsoft.Playwright;
using OrderConsole.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace OrderConsole.E2E;

/// <summary>
/// The console on its embedded store with a data folder is killed (kill -9) right after a write and started again
/// on the same folder: the signed-in browser's cookie still works, the bearer token still works, the order and its
/// public tracking link still answer, and the demo data is not seeded a second time.
/// </summary>
public sealed class EmbeddedStoreRestartTests : IAsyncLifetime
{
    private readonly string _dataFolder = Path.Combine(Path.GetTempPath(), "oc-e2e-journal-" + Guid.NewGuid().ToString("N"));
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private ConsoleProcess? _console;

    private Dictionary<string, string> Settings => new()
    {
        ["Storage__DataPath"] = _dataFolder,
        ["Demo__Enabled"] = "true",
    };

    public async Task InitializeAsync()
    {
        _console = await ConsoleProcess.StartAsync(Settings);
        _playwright = await Playwright.CreateAsync();
        _browser = await Chromium.LaunchAsync(_playwright);
    }

    [Fact]
    public async Task After_a_kill_and_a_restart_the_cookie_the_order_and_its_tracking_link_still_work()
    {
        await using var signedIn = await _browser!.NewContextAsync();
        await ConsoleSignIn.AsAsync(signedIn, _console!.Address, "dispatcher");
        using var admin = await ConsoleApi.SignInAsync(_console.Address, "admin");
        var created = await admin.PostAsync("/api/orders", new { supplier_id = "luigis", pizza_name = "Journal Pizza", supplier_price = 12 });
        var id = created.GetProperty("id").GetString();
        await admin.PostAsync($"/api/orders/{id}/supplier-respond?accept=true&estimated_time=25");
        var countsBefore = (await admin.GetAsync("/api/state")).GetProperty("statistics").GetProperty("by_status").GetRawText();
        var port = _console.Address.Port;

        await _console.KillAsync();
        await _console.DisposeAsync();
        _console = await ConsoleProcess.StartAsync(Settings, port);

        var order = await admin.GetAsync($"/api/orders/{id}");
        Assert.Equal("supplier_accepted", order.GetProperty("status").GetString());
        Assert.Equal(countsBefore, (await admin.GetAsync("/api/state")).GetProperty("statistics").GetProperty("by_status").GetRawText());

        var page = await ConsoleFixture.OpenAsync(signedIn, _console.Address, "/orders");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "All orders" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
        await Expect(page.GetByText(created.GetProperty("supplier_tracking_id").GetString()!).First).ToBeVisibleAsync();

        await using var anonymous = await _browser.NewContextAsync();
        var tracking = await anonymous.NewPageAsync();
        var answer = await tracking.GotoAsync(new Uri(_console.Address, $"/track/{created.GetProperty("tracking_token").GetString()}").ToString());
        Assert.Equal(200, answer?.Status);
        await Expect(tracking.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Accepted by the supplier");
        Assert.Contains("Embedded store: replayed", _console.Output, StringComparison.Ordinal);
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

        if (Directory.Exists(_dataFolder))
        {
            Directory.Delete(_dataFolder, recursive: true);
        }
    }
}
