using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OrderConsole.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace OrderConsole.E2E;

/// <summary>
/// What a person may not see or open, in the browser: another supplier's orders, another driver's deliveries,
/// and a desk outside their roles.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed partial class DeskAuthorizationTests(ConsoleFixture fixture)
{
    [Fact]
    public async Task A_supplier_sees_neither_another_suppliers_order_on_their_desk_nor_its_tracker()
    {
        await using var luigis = await SignedInAsync("supplier1");
        await using var napoli = await SignedInAsync("supplier2");
        await using var dispatcher = await SignedInAsync("dispatcher");
        var luigisDesk = await fixture.OpenAsync(luigis, "/supplier");
        var napoliDesk = await fixture.OpenAsync(napoli, "/supplier");
        var orders = await fixture.OpenAsync(dispatcher, "/orders");
        var item = "Luigi's Secret " + Guid.NewGuid().ToString("N")[..8];
        ILocator RowOf(IPage page) => page.GetByRole(AriaRole.Row).Filter(new() { HasText = item });

        await luigisDesk.GetByLabel("Item").FillAsync(item);
        await luigisDesk.GetByLabel("Supplier price").FillAsync("11");
        await luigisDesk.GetByRole(AriaRole.Button, new() { Name = "Create order" }).ClickAsync();
        await Expect(RowOf(luigisDesk)).ToContainTextAsync("pending supplier");
        var track = RowOf(orders).GetByRole(AriaRole.Link, new() { NameRegex = TrackLink() });
        var reference = (await track.GetAttributeAsync("aria-label"))!["Track ".Length..];
        var tracker = "/" + (await track.GetAttributeAsync("href"))!.TrimStart('/');

        // Napoli's desk shows Napoli's own orders, live, but never Luigi's new one.
        await Expect(napoliDesk.GetByRole(AriaRole.Button, new() { NameRegex = NapoliOrder() }).First).ToBeVisibleAsync();
        await Expect(RowOf(napoliDesk)).ToHaveCountAsync(0);

        // Luigi's own supplier tracks it; to Napoli's it does not exist.
        var napoliTracker = await fixture.OpenAsync(napoli, tracker);
        await Expect(napoliTracker.GetByRole(AriaRole.Heading, new() { Name = "No such order", Level = 1 })).ToBeVisibleAsync();
        await Expect(napoliTracker.GetByText(item)).ToHaveCountAsync(0);
        var luigisTracker = await fixture.OpenAsync(luigis, tracker);
        await Expect(luigisTracker.GetByRole(AriaRole.Heading, new() { Name = $"Order {reference}", Level = 1 })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_driver_sees_only_their_own_deliveries()
    {
        await using var dispatcher = await SignedInAsync("dispatcher");
        await using var ana = await SignedInAsync("driver");
        var dispatch = await fixture.OpenAsync(dispatcher, "/dispatch");
        var desk = await fixture.OpenAsync(ana, "/driver");

        // Every delivery under way, with its driver, as dispatch sees them.
        var move = dispatch.GetByRole(AriaRole.Button, new() { NameRegex = DeliveryMove() });
        var deliveries = dispatch.GetByRole(AriaRole.Row).Filter(new() { Has = move });
        await Expect(deliveries.First).ToBeVisibleAsync();
        var anas = new List<string>();
        var others = new List<string>();
        foreach (var delivery in await deliveries.AllAsync())
        {
            var reference = DeliveryMove().Match((await delivery.GetByRole(AriaRole.Button, new() { NameRegex = DeliveryMove() }).GetAttributeAsync("aria-label"))!).Groups["reference"].Value;
            var driver = (await delivery.TextContentAsync() ?? string.Empty).Contains("Ana Lopez", StringComparison.Ordinal) ? anas : others;
            driver.Add(reference);
        }

        Assert.NotEmpty(others);
        foreach (var reference in anas)
        {
            await Expect(desk.GetByRole(AriaRole.Article, new() { Name = $"Delivery {reference}", Exact = true })).ToBeVisibleAsync();
        }

        foreach (var reference in others)
        {
            await Expect(desk.GetByRole(AriaRole.Article, new() { Name = $"Delivery {reference}", Exact = true })).ToHaveCountAsync(0);
        }

        await Expect(desk.GetByRole(AriaRole.Article)).ToHaveCountAsync(anas.Count);
    }

    [Fact]
    public async Task A_customer_cannot_open_the_dispatch_desk()
    {
        await using var customer = await SignedInAsync("customer");
        var page = await customer.NewPageAsync();

        await page.GotoAsync(new Uri(fixture.Console.Address, "/dispatch").ToString());

        await Expect(page).ToHaveURLAsync(new Regex("/account/denied"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Not your desk", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Dispatch" })).ToHaveCountAsync(0);
    }

    private async Task<IBrowserContext> SignedInAsync(string user)
    {
        var context = await fixture.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1400, Height = 900 } });
        await ConsoleSignIn.AsAsync(context, fixture.Console.Address, user);
        return context;
    }

    [GeneratedRegex("^Track ")]
    private static partial Regex TrackLink();

    [GeneratedRegex("^Open order NAP-")]
    private static partial Regex NapoliOrder();

    [GeneratedRegex(@"^Mark (?<reference>\S+) (in transit|delivered)$")]
    private static partial Regex DeliveryMove();
}
