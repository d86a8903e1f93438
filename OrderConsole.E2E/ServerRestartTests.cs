using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OrderConsole.E2E.Infrastructure;
using OrderConsole.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace OrderConsole.E2E;

/// <summary>
/// The console on Redis is killed and started again on the same port while a page is open: the page says it is
/// offline, then comes back live by itself — reloaded because the new process does not know the old circuit,
/// still signed in because the data-protection keys live in Redis, on the page it was on, without a click.
/// </summary>
public sealed partial class ServerRestartTests : IAsyncLifetime
{
    private static readonly TimeSpan s_recovery = TimeSpan.FromSeconds(60);

    private readonly RedisServerFixture _redis = new();
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private ConsoleProcess? _console;

    private Dictionary<string, string> Settings => new()
    {
        ["Redis__ConnectionString"] = _redis.ConnectionString,
        ["Demo__Enabled"] = "true",
    };

    public async Task InitializeAsync()
    {
        await _redis.InitializeAsync();
        _console = await ConsoleProcess.StartAsync(Settings);
        _playwright = await Playwright.CreateAsync();
        _browser = await Chromium.LaunchAsync(_playwright);
    }

    [Fact]
    public async Task An_open_page_shows_offline_while_the_server_is_down_and_returns_live_signed_in_on_the_same_page()
    {
        await using var context = await _browser!.NewContextAsync();
        await ConsoleSignIn.AsAsync(context, _console!.Address, "dispatcher");
        var page = await ConsoleFixture.OpenAsync(context, _console.Address, "/orders?from=restart");
        await Expect(Indicator(page)).ToHaveTextAsync("Live", new() { UseInnerText = true });
        var port = _console.Address.Port;

        await _console.KillAsync();
        await Expect(Indicator(page)).ToHaveTextAsync(OfflineOrReconnecting(), new() { UseInnerText = true });
        await Expect(Indicator(page)).ToHaveTextAsync("Offline", new() { UseInnerText = true, Timeout = (float)s_recovery.TotalMilliseconds });
        await Expect(page.GetByRole(AriaRole.Dialog)).ToContainTextAsync("cannot be reached");
        await _console.DisposeAsync();
        _console = await ConsoleProcess.StartAsync(Settings, port);

        await Expect(Indicator(page)).ToHaveTextAsync("Live", new() { UseInnerText = true, Timeout = (float)s_recovery.TotalMilliseconds });
        await page.Locator("[data-interactive]").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = (float)s_recovery.TotalMilliseconds });
        Assert.Equal("/orders?from=restart", new Uri(page.Url).PathAndQuery);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "All orders" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Dialog)).ToHaveCountAsync(0);
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

        await _redis.DisposeAsync();
    }

    private static ILocator Indicator(IPage page) => page.GetByRole(AriaRole.Status, new() { Name = "Connection", Exact = true });

    [GeneratedRegex("^(Offline|Reconnecting)$")]
    private static partial Regex OfflineOrReconnecting();
}
