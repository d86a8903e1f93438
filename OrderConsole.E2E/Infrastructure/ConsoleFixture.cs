using Microsoft.Playwright;

namespace OrderConsole.E2E.Infrastructure;

/// <summary>One running console and one browser, shared by the tests of a collection.</summary>
public sealed class ConsoleFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;

    public ConsoleProcess Console { get; private set; } = default!;

    public IBrowser Browser { get; private set; } = default!;

    /// <summary>
    /// Where screenshots go: SCREENSHOT_DIR when set (a relative path is taken from the repository's root, since
    /// the test runner's working directory is the test project's output), else a folder beside the test binaries.
    /// </summary>
    public static string ScreenshotDirectory =>
        Environment.GetEnvironmentVariable("SCREENSHOT_DIR") is { Length: > 0 } directory
            ? Path.GetFullPath(directory, Tool.RepositoryRoot)
            : Path.Combine(AppContext.BaseDirectory, "screenshots");

    /// <summary>Saves a full-page screenshot of each page as <c>{name}.png</c> in <see cref="ScreenshotDirectory"/>.</summary>
    public static async Task SaveScreenshotsAsync(params (string Name, IPage Page)[] pages)
    {
        Directory.CreateDirectory(ScreenshotDirectory);
        foreach (var (name, page) in pages)
        {
            await page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotDirectory, name + ".png"), FullPage = true });
        }
    }

    public async Task InitializeAsync()
    {
        Console = await ConsoleProcess.StartAsync();
        _playwright = await Playwright.CreateAsync();
        Browser = await Chromium.LaunchAsync(_playwright);
    }

    /// <summary>Opens <paramref name="path"/> in a new page of <paramref name="context"/> and waits until the circuit is interactive.</summary>
    public Task<IPage> OpenAsync(IBrowserContext context, string path) => OpenAsync(context, Console.Address, path);

    /// <summary>Opens <paramref name="path"/> of the console at <paramref name="address"/> and waits until the circuit is interactive.</summary>
    public static async Task<IPage> OpenAsync(IBrowserContext context, Uri address, string path)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(address, path).ToString());
        await page.Locator("[data-interactive]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        return page;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (Console is not null)
        {
            await Console.DisposeAsync();
        }
    }
}

/// <summary>Tests that share one console process and browser.</summary>
[CollectionDefinition(Name)]
public sealed class ConsoleCollection : ICollectionFixture<ConsoleFixture>
{
    public const string Name = "console";
}
