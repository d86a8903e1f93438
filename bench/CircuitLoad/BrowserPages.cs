using Microsoft.Playwright;
using OrderConsole.E2E.Infrastructure;

namespace CircuitLoad;

/// <summary>
/// A few real Chromium pages beside the load circuits: each notes when an order code first appears in its DOM
/// (a mutation observer, on the same machine clock the API's commit times come from), for commit → DOM.
/// </summary>
internal sealed class BrowserPages : IAsyncDisposable
{
    private const string Observer = """
        (prefix) => {
          window.__firstSeen = {};
          const pattern = new RegExp(prefix + '-(\\d+)', 'g');
          const note = (text) => {
            if (!text) return;
            for (const match of text.matchAll(pattern)) window.__firstSeen[match[1]] ??= Date.now();
          };
          new MutationObserver(records => {
            for (const record of records) {
              if (record.type === 'characterData') note(record.target.data);
              for (const node of record.addedNodes) note(node.textContent);
            }
          }).observe(document.body, { childList: true, subtree: true, characterData: true });
        }
        """;

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;
    private readonly List<IPage> _pages;

    private BrowserPages(IPlaywright playwright, IBrowser browser, List<IPage> pages)
    {
        _playwright = playwright;
        _browser = browser;
        _pages = pages;
    }

    public int Count => _pages.Count;

    public static async Task<BrowserPages> OpenAsync(Uri address, string userName, string password, string page, string codePrefix, int count)
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await Chromium.LaunchAsync(playwright);
        var pages = new List<IPage>();
        for (var index = 0; index < count; index++)
        {
            var context = await browser.NewContextAsync();
            await ConsoleSignIn.AsAsync(context, address, userName, password);
            var tab = await context.NewPageAsync();
            await tab.GotoAsync(new Uri(address, page).ToString());

            // The layout marks itself once its circuit has rendered interactively.
            await tab.Locator("[data-interactive]").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 120_000 });
            await tab.EvaluateAsync(Observer, codePrefix);
            pages.Add(tab);
        }

        return new BrowserPages(playwright, browser, pages);
    }

    /// <summary>For each page, the code numbers it showed and when (Unix ms).</summary>
    public async Task<IReadOnlyList<IReadOnlyDictionary<int, long>>> FirstSeenAsync()
    {
        var all = new List<IReadOnlyDictionary<int, long>>();
        foreach (var page in _pages)
        {
            var seen = await page.EvaluateAsync<Dictionary<string, long>>("() => window.__firstSeen");
            all.Add(seen.ToDictionary(pair => int.Parse(pair.Key, System.Globalization.CultureInfo.InvariantCulture), pair => pair.Value));
        }

        return all;
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.CloseAsync();
        _playwright.Dispose();
    }
}
