using Microsoft.Playwright;
using OrderConsole.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace OrderConsole.E2E;

/// <summary>An admin creates a user on the users page, that person signs in in their own browser, and the admin disables them.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class AdminUsersTests(ConsoleFixture fixture)
{
    private const string Password = "e2e-initial-password";

    [Fact]
    public async Task A_user_the_admin_creates_signs_in_until_the_admin_disables_them()
    {
        await using var adminContext = await fixture.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1400, Height = 900 } });
        await ConsoleSignIn.AsAsync(adminContext, fixture.Console.Address, "admin");
        var admin = await fixture.OpenAsync(adminContext, "/admin/users");
        var name = "e2e-" + Guid.NewGuid().ToString("N")[..8];
        var row = admin.GetByRole(AriaRole.Row).Filter(new() { HasText = name });
        try
        {
            // The admin creates a dispatcher.
            var form = admin.GetByRole(AriaRole.Region, new() { Name = "New user" });
            await form.GetByLabel("User name").FillAsync(name);
            await form.GetByLabel("Initial password").FillAsync(Password);
            await form.GetByLabel("dispatcher", new() { Exact = true }).CheckAsync();
            await form.GetByRole(AriaRole.Button, new() { Name = "Create user" }).ClickAsync();
            await Expect(row).ToContainTextAsync("dispatcher");
            await Expect(row).ToContainTextAsync("active");

            // The new person signs in in a browser of their own and reaches their desk.
            await using (var personContext = await fixture.Browser.NewContextAsync())
            {
                await ConsoleSignIn.AsAsync(personContext, fixture.Console.Address, name, Password);
                var desk = await fixture.OpenAsync(personContext, "/dispatch");
                await Expect(desk.GetByRole(AriaRole.Heading, new() { Name = "Dispatch", Level = 1 })).ToBeVisibleAsync();
            }

            // The admin disables them, after confirming.
            await row.GetByRole(AriaRole.Button, new() { Name = $"Manage {name}" }).ClickAsync();
            await admin.GetByRole(AriaRole.Button, new() { Name = "Disable user" }).ClickAsync();
            await admin.GetByRole(AriaRole.Button, new() { Name = "Yes, disable" }).ClickAsync();
            await Expect(row).ToContainTextAsync("disabled");

            // Now their password no longer lets them in.
            await using var laterContext = await fixture.Browser.NewContextAsync();
            var signIn = await laterContext.NewPageAsync();
            await signIn.GotoAsync(new Uri(fixture.Console.Address, "/account/login").ToString());
            await signIn.GetByLabel("User name").FillAsync(name);
            await signIn.GetByLabel("Password").FillAsync(Password);
            await signIn.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
            await Expect(signIn.GetByRole(AriaRole.Alert)).ToContainTextAsync("locked or disabled");
        }
        catch
        {
            await ConsoleFixture.SaveScreenshotsAsync(("failed-admin-users", admin));
            throw;
        }

        await ConsoleFixture.SaveScreenshotsAsync(("admin-users", admin));
    }
}
