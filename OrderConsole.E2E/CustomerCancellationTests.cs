using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OrderConsole.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace OrderConsole.E2E;

/// <summary>A customer cancels their own order before preparing starts, and is asked first.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class CustomerCancellationTests(ConsoleFixture fixture)
{
    [Fact]
    public async Task A_customer_cancels_their_own_order_only_after_confirming()
    {
        await using var context = await fixture.Browser.NewContextAsync();
        await ConsoleSignIn.AsAsync(context, fixture.Console.Address, "customer");
        var customer = await fixture.OpenAsync(context, "/customer");

        var offer = customer.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Open offer ") }).First;
        var code = (await offer.GetAttributeAsync("aria-label"))!["Open offer ".Length..];
        await offer.ClickAsync();
        await customer.GetByLabel("Your name").FillAsync("Cancelling Customer");
        await customer.GetByLabel("Delivery address").FillAsync("2 Test Street");
        await customer.GetByRole(AriaRole.Button, new() { Name = "Accept offer" }).ClickAsync();
        var row = customer.GetByRole(AriaRole.Row).Filter(new() { HasText = "Cancelling Customer" });
        await Expect(row).ToContainTextAsync("customer accepted");

        // Saying no changes nothing.
        var cancel = customer.GetByRole(AriaRole.Button, new() { Name = $"Cancel order {code}" });
        await cancel.ClickAsync();
        await customer.GetByRole(AriaRole.Button, new() { Name = "Keep it" }).ClickAsync();
        await Expect(row).ToContainTextAsync("customer accepted");

        await cancel.ClickAsync();
        await customer.GetByRole(AriaRole.Button, new() { Name = "Yes, cancel" }).ClickAsync();
        await Expect(row).ToContainTextAsync("cancelled");
        await Expect(cancel).ToHaveCountAsync(0);
    }
}
