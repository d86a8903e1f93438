using Microsoft.Playwright;
using OrderConsole.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace OrderConsole.E2E;

/// <summary>
/// A tile server nobody answers at (a closed local port): the dispatch map still shows its drivers' markers and its
/// legend, and credits the tiles it asked for; only the background stays plain.
/// </summary>
public sealed class UnreachableTilesTests : IAsyncLifetime
{
    private ConsoleProcess _console = default!;
    private IPlaywright _playwright = default!;
    private IBrowser _browser = default!;

    public async Task InitializeAsync()
    {
        _console = await ConsoleProcess.StartAsync(new Dictionary<string, string>
        {
            ["Map__TileUrl"] = "http://127.0.0.1:9/{z}/{x}/{y}.png",
            ["Map__Attribution"] = "Tiles by Nobody Home",
        });
        _playwright = await Playwright.CreateAsync();
        _browser = await Chromium.LaunchAsync(_playwright);
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        await _console.DisposeAsync();
    }

    [Fact]
    public async Task The_dispatch_map_shows_its_drivers_when_no_tile_server_answers()
    {
        await using var context = await _browser.NewContextAsync();
        await ConsoleSignIn.AsAsync(context, _console.Address, "dispatcher");

        var page = await ConsoleFixture.OpenAsync(context, _console.Address, "/dispatch");

        await Expect(page.Locator("[data-live-map] [data-marker-id='driver:drv-ben']")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-live-map] .leaflet-tile").First).ToBeAttachedAsync();
        await Expect(page.Locator("[data-live-map] .leaflet-control-attribution")).ToContainTextAsync("Tiles by Nobody Home");
        await Expect(page.GetByRole(AriaRole.List, new() { Name = "Map of drivers and pickups: what it shows" })).ToContainTextAsync("Ben Okafor");
    }
}
