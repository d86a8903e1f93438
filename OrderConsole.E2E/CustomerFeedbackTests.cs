using System.Text.Json;
using Microsoft.Playwright;
using OrderConsole.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace OrderConsole.E2E;

/// <summary>
/// A customer rates a delivered order on its public tracking page, signed in nowhere: once, with stars and a
/// comment; a second try (from a page opened earlier) is refused in words; staff see the rating on the tracker.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class CustomerFeedbackTests(ConsoleFixture fixture)
{
    [Fact]
    public async Task Feedback_can_be_given_once_and_staff_see_it_on_the_tracker()
    {
        using var api = await ConsoleApi.SignInAsync(fixture.Console.Address, "dispatcher");
        var order = await UnratedDeliveredOrderAsync(api);
        var link = new Uri(fixture.Console.Address, $"/track/{order.GetProperty("tracking_token").GetString()}").ToString();
        await using var customer = await fixture.Browser.NewContextAsync();
        var first = await customer.NewPageAsync();
        var earlier = await customer.NewPageAsync();
        await earlier.GotoAsync(link);
        await first.GotoAsync(link);

        await first.GetByRole(AriaRole.Radio, new() { Name = "4 stars", Exact = true }).CheckAsync();
        await first.GetByLabel("Comment (optional)").FillAsync("Quick and friendly");
        await first.GetByRole(AriaRole.Button, new() { Name = "Send feedback" }).ClickAsync();

        await Expect(first.GetByText("Thank you for your feedback: you rated this delivery 4 of 5.")).ToBeVisibleAsync();
        await Expect(first.GetByRole(AriaRole.Button, new() { Name = "Send feedback" })).ToHaveCountAsync(0);

        await earlier.GetByRole(AriaRole.Radio, new() { Name = "1 star", Exact = true }).CheckAsync();
        await earlier.GetByRole(AriaRole.Button, new() { Name = "Send feedback" }).ClickAsync();
        await Expect(earlier.GetByRole(AriaRole.Alert)).ToHaveTextAsync($"Feedback for order {order.GetProperty("supplier_tracking_id").GetString()} was already given; thank you.");

        await using var staff = await fixture.Browser.NewContextAsync();
        await ConsoleSignIn.AsAsync(staff, fixture.Console.Address, "dispatcher");
        var tracker = await fixture.OpenAsync(staff, $"/tracker/{order.GetProperty("id").GetString()}");
        var feedback = tracker.GetByTestId("customer-feedback");
        await Expect(feedback.GetByRole(AriaRole.Img, new() { Name = "4 of 5 stars" })).ToBeVisibleAsync();
        await Expect(feedback.Locator("blockquote")).ToHaveTextAsync("Quick and friendly");
    }

    /// <summary>A delivered order nobody rated yet (the demo data has several).</summary>
    public static async Task<JsonElement> UnratedDeliveredOrderAsync(ConsoleApi api)
    {
        var listed = await api.GetAsync("/api/orders?status=delivered&limit=100");
        return listed.GetProperty("orders").EnumerateArray()
            .First(order => !order.TryGetProperty("feedback", out var feedback) || feedback.ValueKind == JsonValueKind.Null);
    }
}
