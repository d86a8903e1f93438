using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OrderConsole.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace OrderConsole.E2E;

/// <summary>
/// A console started without demo data prints a setup code; a person enters it on <c>/setup</c> in a browser with
/// the first admin's name and password, lands on the users page as that admin, and <c>/setup</c> is gone. No page on
/// the way breaks the content security policy.
/// </summary>
public sealed partial class FirstAdminSetupTests : IAsyncLifetime
{
    private readonly string _dataFolder = Path.Combine(Path.GetTempPath(), "oc-e2e-setup-" + Guid.NewGuid().ToString("N"));
    private ConsoleProcess _console = default!;
    private IPlaywright _playwright = default!;
    private IBrowser _browser = default!;

    public async Task InitializeAsync()
    {
        _console = await ConsoleProcess.StartAsync(new Dictionary<string, string>
        {
            ["Demo__Enabled"] = "false",
            ["Storage__DataPath"] = _dataFolder,
        });
        _playwright = await Playwright.CreateAsync();
        _browser = await Chromium.LaunchAsync(_playwright);
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        await _console.DisposeAsync();
        if (Directory.Exists(_dataFolder))
        {
            Directory.Delete(_dataFolder, recursive: true);
        }
    }

    [Fact]
    public async Task The_first_admin_is_created_on_the_setup_page_with_the_code_from_the_log()
    {
        var code = await SetupCodeFromLogAsync();
        await using var context = await _browser.NewContextAsync(new() { ViewportSize = new() { Width = 1400, Height = 900 } });
        var violations = new List<string>();
        var page = await context.NewPageAsync();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                violations.Add(message.Text);
            }
        };

        await page.GotoAsync(new Uri(_console.Address, "/setup").ToString());
        await page.GetByLabel("Setup code").FillAsync(code);
        await page.GetByLabel("User name").FillAsync("first-admin");
        await page.GetByLabel("Password").FillAsync("e2e-first-admin-password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create the admin" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Users", Level = 1 })).ToBeVisibleAsync();
        await page.Locator("[data-interactive]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "first-admin" })).ToContainTextAsync("admin");
        var again = await context.APIRequest.GetAsync(new Uri(_console.Address, "/setup").ToString());

        Assert.Equal(404, again.Status);
        Assert.False(File.Exists(Path.Combine(_dataFolder, "setup-code.txt")));
        Assert.Empty(violations);
    }

    /// <summary>The code the console printed at start: the log line an operator reads.</summary>
    private async Task<string> SetupCodeFromLogAsync()
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            if (SetupCodeLine().Match(_console.Output) is { Success: true } match)
            {
                return match.Groups["code"].Value;
            }

            await Task.Delay(100);
        }

        throw new InvalidOperationException("the console printed no setup code:\n" + _console.Output);
    }

    [GeneratedRegex(@"enter the setup code (?<code>[A-Z0-9]{4}(-[A-Z0-9]{4}){3})")]
    private static partial Regex SetupCodeLine();
}
