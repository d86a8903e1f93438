using Microsoft.Playwright;
using OrderConsole.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace OrderConsole.E2E;

/// <summary>The driver's page on a 390×844 phone: nothing wider than the screen, sign-out in reach, coordinates typed as text.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class DriverPhoneTests(ConsoleFixture fixture)
{
    [Fact]
    public async Task The_driver_page_fits_a_390_pixel_phone_without_sideways_scrolling()
    {
        await using var phone = await fixture.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 390, Height = 844 }, HasTouch = true, IsMobile = true });
        await ConsoleSignIn.AsAsync(phone, fixture.Console.Address, "driver");

        var page = await fixture.OpenAsync(phone, "/driver");

        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        Assert.True(widths[0] <= widths[1], $"the page is {widths[0]} px wide on a {widths[1]} px screen");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeInViewportAsync();
        await Expect(page.GetByLabel("Latitude")).ToHaveAttributeAsync("type", "text");
        await Expect(page.GetByLabel("Latitude")).ToHaveAttributeAsync("inputmode", "decimal");
    }
}
