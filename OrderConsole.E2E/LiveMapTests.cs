using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;
using OrderConsole.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace OrderConsole.E2E;

/// <summary>
/// The live maps in real Chromium: a driver's phone reports a new position on the orders hub, and their marker moves
/// on the dispatcher's map and on the customer's public tracking page, without a reload.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class LiveMapTests(ConsoleFixture fixture)
{
    /// <summary>The demo driver user's driver.</summary>
    public const string DriverId = "drv-ana";

    [Fact]
    public async Task A_drivers_reported_position_moves_their_marker_on_the_dispatch_map_and_the_public_map()
    {
        using var admin = await ConsoleApi.SignInAsync(fixture.Console.Address, "admin");
        var order = await DeliveryInTransitAsync(admin);
        await using var staff = await fixture.Browser.NewContextAsync();
        await ConsoleSignIn.AsAsync(staff, fixture.Console.Address, "dispatcher");
        var dispatch = await fixture.OpenAsync(staff, "/dispatch");
        await using var anyone = await fixture.Browser.NewContextAsync();
        var tracking = await anyone.NewPageAsync();
        await tracking.GotoAsync(new Uri(fixture.Console.Address, $"/track/{order.GetProperty("tracking_token").GetString()}").ToString());
        var onDispatch = dispatch.Locator($"[data-live-map] [data-marker-id='driver:{DriverId}']");
        var onTracking = tracking.Locator("[data-track-map] [data-marker-id='driver']");
        await Expect(onDispatch).ToHaveAttributeAsync("data-kind", "busy-driver");
        await Expect(onTracking).ToBeVisibleAsync();
        await tracking.EvaluateAsync("() => window.notReloaded = true");

        // Somewhere new, to four decimals: no earlier report can have put the driver there.
        var latitude = Math.Round(40.70 + Random.Shared.NextDouble() / 20, 4);
        var longitude = Math.Round(-74.00 + Random.Shared.NextDouble() / 20, 4);
        Assert.NotEqual(Degrees(latitude), await onDispatch.GetAttributeAsync("data-lat"));
        await using (var phone = await DriverApp.SignInAsync(fixture.Console.Address, "driver"))
        {
            await phone.ReportPositionAsync(latitude, longitude);
        }

        await Expect(onDispatch).ToHaveAttributeAsync("data-lat", Degrees(latitude));
        await Expect(onDispatch).ToHaveAttributeAsync("data-lng", Degrees(longitude));
        await Expect(onTracking).ToHaveAttributeAsync("data-lat", Degrees(latitude));
        await Expect(onTracking).ToHaveAttributeAsync("data-lng", Degrees(longitude));
        await Expect(dispatch.GetByRole(AriaRole.List, new() { Name = "Map of drivers and pickups: what it shows" }))
            .ToContainTextAsync($"{Degrees5(latitude)}, {Degrees5(longitude)}");
        Assert.True(await tracking.EvaluateAsync<bool>("() => window.notReloaded === true"), "the public page was reloaded");
        await ConsoleFixture.SaveScreenshotsAsync(("map-dispatch", dispatch), ("map-tracking", tracking));
        await FinishDeliveryAsync(admin, order);
    }

    [Fact]
    public async Task The_public_map_shows_nobody_before_the_order_is_in_transit()
    {
        using var admin = await ConsoleApi.SignInAsync(fixture.Console.Address, "admin");
        var order = await admin.PostAsync("/api/orders", new { supplier_id = "luigis", pizza_name = "Map Pizza", supplier_price = 10 });
        await using var anyone = await fixture.Browser.NewContextAsync();
        var tracking = await anyone.NewPageAsync();

        await tracking.GotoAsync(new Uri(fixture.Console.Address, $"/track/{order.GetProperty("tracking_token").GetString()}").ToString());

        await Expect(tracking.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Waiting for the supplier");
        await Expect(tracking.GetByRole(AriaRole.Region, new() { Name = "Map of your driver's position" })).ToBeHiddenAsync();
        await Expect(tracking.Locator("[data-marker-id]")).ToHaveCountAsync(0);
    }

    /// <summary>
    /// An order in transit with the demo driver: the one they carry already, or a new one taken to the road. The
    /// answer is the order as the API gives it (with its tracking token).
    /// </summary>
    public static async Task<JsonElement> DeliveryInTransitAsync(ConsoleApi admin)
    {
        var driver = await admin.GetAsync($"/api/drivers/{DriverId}");
        if (driver.TryGetProperty("order_id", out var carried) && carried.ValueKind == JsonValueKind.String)
        {
            var current = await admin.GetAsync($"/api/orders/{carried.GetString()}");
            if (current.GetProperty("status").GetString() == "dispatched")
            {
                return await admin.PostAsync($"/api/orders/{carried.GetString()}/status?status=in_transit");
            }

            if (current.GetProperty("status").GetString() == "in_transit")
            {
                return current;
            }
        }

        await admin.PostAsync($"/api/drivers/{DriverId}/status?status=available");
        var order = await admin.PostAsync("/api/orders", new { supplier_id = "luigis", pizza_name = "Map Pizza", supplier_price = 10 });
        var id = order.GetProperty("id").GetString();
        foreach (var step in new[]
        {
            "supplier-respond?accept=true&estimated_time=30",
            "customer-accept?customer_name=Map%20Customer&delivery_address=5%20Map%20Street",
            "status?status=preparing",
            "status?status=ready",
            $"dispatch?driver_id={DriverId}",
        })
        {
            await admin.PostAsync($"/api/orders/{id}/{step}");
        }

        return await admin.PostAsync($"/api/orders/{id}/status?status=in_transit");
    }

    /// <summary>Delivers the demo driver's order, so the driver is free again for the tests after this one.</summary>
    internal static Task FinishDeliveryAsync(ConsoleApi admin, JsonElement order) =>
        admin.PostAsync($"/api/orders/{order.GetProperty("id").GetString()}/status?status=delivered");

    private static string Degrees(double degrees) => degrees.ToString(CultureInfo.InvariantCulture);

    private static string Degrees5(double degrees) => degrees.ToString("F5", CultureInfo.InvariantCulture);
}
