using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OrderConsole.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace OrderConsole.E2E;

/// <summary>
/// The dispatch desk with the demo data: drivers measured from the order's pickup, the nearest available one
/// suggested, and a dispatched order reassigned to another driver while the driver list follows live.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed partial class DispatchDeskTests(ConsoleFixture fixture)
{
    [Fact]
    public async Task A_dispatcher_takes_the_suggested_nearest_driver_then_reassigns_and_the_first_driver_is_available_again()
    {
        await using var context = await fixture.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1400, Height = 900 } });
        await ConsoleSignIn.AsAsync(context, fixture.Console.Address, "dispatcher");
        var dispatch = await fixture.OpenAsync(context, "/dispatch");
        try
        {
            await TakeTheSuggestionThenReassignAsync(dispatch);
        }
        catch
        {
            await ConsoleFixture.SaveScreenshotsAsync(("failed-dispatch-desk", dispatch));
            throw;
        }
    }

    [Fact]
    public async Task A_dispatcher_opens_the_details_of_an_order_on_the_road_beside_the_desk()
    {
        using var admin = await ConsoleApi.SignInAsync(fixture.Console.Address, "admin");
        var order = await LiveMapTests.DeliveryInTransitAsync(admin);
        var reference = order.GetProperty("supplier_tracking_id").GetString()!;
        await using var context = await fixture.Browser.NewContextAsync();
        await ConsoleSignIn.AsAsync(context, fixture.Console.Address, "dispatcher");
        var dispatch = await fixture.OpenAsync(context, "/dispatch");

        await dispatch.GetByRole(AriaRole.Button, new() { Name = $"Details of {reference}", Exact = true }).ClickAsync();

        var details = dispatch.GetByRole(AriaRole.Region, new() { NameRegex = new Regex($@"^Order {Regex.Escape(reference)}\b") });
        await Expect(details).ToBeVisibleAsync();
        await Expect(details.GetByRole(AriaRole.Heading, new() { Name = "Items and prices" })).ToBeVisibleAsync();
        await Expect(details.GetByRole(AriaRole.List, new() { NameRegex = new Regex("^Timeline") }).GetByRole(AriaRole.Listitem).First).ToBeVisibleAsync();
        await Expect(details.GetByRole(AriaRole.Link, new() { Name = $"Open the full tracker for {reference}" })).ToBeVisibleAsync();

        await dispatch.GetByRole(AriaRole.Button, new() { Name = "Close the order details" }).ClickAsync();
        await Expect(details).ToHaveCountAsync(0);
        await LiveMapTests.FinishDeliveryAsync(admin, order);
    }

    private static async Task TakeTheSuggestionThenReassignAsync(IPage dispatch)
    {
        var drivers = dispatch.GetByRole(AriaRole.List, new() { Name = "Drivers", Exact = true });
        ILocator DriverItem(string name) => drivers.GetByRole(AriaRole.Listitem).Filter(new() { HasText = name });

        // The oldest ready order comes first; opening it measures every driver from its supplier's kitchen.
        var open = dispatch.GetByRole(AriaRole.Button, new() { NameRegex = OpenOrder() }).First;
        var reference = (await open.GetAttributeAsync("aria-label"))!["Open order ".Length..];
        ILocator RowOfOrder() => dispatch.GetByRole(AriaRole.Row).Filter(new() { HasTextRegex = new Regex($@"\b{Regex.Escape(reference)}\b") });
        await open.ClickAsync();

        var suggestion = dispatch.GetByText(Suggestion());
        await Expect(suggestion).ToBeVisibleAsync();
        var suggested = Suggestion().Match(await suggestion.InnerTextAsync()).Groups["name"].Value;
        await Expect(DriverItem(suggested)).ToContainTextAsync(Distance());
        await Expect(DriverItem(suggested)).ToContainTextAsync("available");

        // Taking the suggestion dispatches the order to that driver, who turns busy.
        await dispatch.GetByRole(AriaRole.Button, new() { Name = "Take suggestion" }).ClickAsync();
        await Expect(RowOfOrder()).ToContainTextAsync("dispatched");
        await Expect(RowOfOrder()).ToContainTextAsync(suggested);
        await Expect(DriverItem(suggested)).ToContainTextAsync("busy");

        // Reassigning gives the order another available driver and frees the first one.
        await dispatch.GetByRole(AriaRole.Button, new() { Name = $"Reassign {reference}", Exact = true }).ClickAsync();
        var other = DriverName().Match(await Pickers.ChooseAsync(dispatch, "New driver")).Groups["name"].Value;
        await dispatch.GetByRole(AriaRole.Button, new() { Name = "Reassign order" }).ClickAsync();

        await Expect(RowOfOrder()).ToContainTextAsync(other);
        await Expect(DriverItem(other)).ToContainTextAsync("busy");
        await Expect(DriverItem(suggested)).ToContainTextAsync("available");
    }

    [GeneratedRegex("^Open order ")]
    private static partial Regex OpenOrder();

    [GeneratedRegex(@"^Suggested: (?<name>.+), \d+\.\d km$")]
    private static partial Regex Suggestion();

    [GeneratedRegex(@"\d+\.\d km")]
    private static partial Regex Distance();

    /// <summary>A driver option reads "Name (vehicle) · 1.2 km".</summary>
    [GeneratedRegex(@"^(?<name>[^(]+?) \(")]
    private static partial Regex DriverName();
}
