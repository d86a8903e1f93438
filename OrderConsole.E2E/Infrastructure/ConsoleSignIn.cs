using Microsoft.Playwright;

namespace OrderConsole.E2E.Infrastructure;

/// <summary>Signs a browser context in through the sign-in page, as a person would, with a demo user or any other.</summary>
public static class ConsoleSignIn
{
    /// <summary>The demo users' password when <c>Demo:Password</c> is not set.</summary>
    public const string DemoPassword = "orderconsole";

    public static Task AsAsync(IBrowserContext context, Uri address, string userName) => AsAsync(context, address, userName, DemoPassword);

    public static async Task AsAsync(IBrowserContext context, Uri address, string userName, string password)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(address, "/account/login").ToString());
        await page.GetByLabel("User name").FillAsync(userName);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));
        await page.CloseAsync();
    }
}
