using Bunit;
using OrderConsole.Components.Pages;
using OrderConsole.Core.Drivers;
using OrderConsole.Core.Orders;
using OrderConsole.Tests.Support;

namespace OrderConsole.Tests.Components.Pages;

/// <summary>The driver's phone page in bUnit: only their own deliveries, typed coordinates checked, a refused location explained in words.</summary>
public sealed class DriverDeskTests : ConsoleTestContext
{
    [Fact]
    public async Task A_driver_sees_their_delivery_and_may_mark_it_in_transit()
    {
        var order = await OrderInStatusAsync(OrderStatus.Dispatched, "Ortolana");
        await SeenLiveAsync(order);
        SignIn("driver", Role.Driver, driverId: "drv-ana");
        var page = Render<DriverDesk>();

        await page.ClickAsync($"Mark {order.SupplierTrackingId} in transit");

        await Eventually.HoldsAsync(() => Live.Find(order.Id)?.Status == OrderStatus.InTransit, "the delivery is in transit");
    }

    [Fact]
    public async Task Another_drivers_delivery_is_not_on_the_page()
    {
        var order = await OrderInStatusAsync(OrderStatus.Dispatched);
        await SeenLiveAsync(order);
        SignIn("ben", Role.Driver, driverId: "drv-ben");

        var page = Render<DriverDesk>();

        Assert.DoesNotContain(order.SupplierTrackingId, page.Markup, StringComparison.Ordinal);
        Assert.Contains("No delivery is assigned to you right now", page.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_location_is_explained_in_words_without_a_script_error()
    {
        JSInterop.SetupModule("./Components/Pages/DriverDesk.razor.js")
            .Setup<DriverDesk.LocationAnswer>("currentPosition")
            .SetResult(new DriverDesk.LocationAnswer(null, null, "denied"));
        SignIn("driver", Role.Driver, driverId: "drv-ana");
        var page = Render<DriverDesk>();

        await page.ClickAsync("Share my location");

        Assert.Contains("Location sharing is turned off for this site", page.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Coordinates_that_are_not_numbers_are_errors_beside_their_fields()
    {
        SignIn("driver", Role.Driver, driverId: "drv-ana");
        var page = Render<DriverDesk>();

        page.Type("Latitude", "north");
        page.Type("Longitude", "-74.0060");
        await page.ClickAsync("Save position");

        Assert.Equal("Enter the latitude as a number, like 40.7128", page.ErrorOf("Latitude"));
        Assert.Null(page.ErrorOf("Longitude"));
    }

    [Fact]
    public void The_coordinate_fields_are_text_without_spinners()
    {
        SignIn("driver", Role.Driver, driverId: "drv-ana");

        var page = Render<DriverDesk>();

        Assert.Equal("text", page.Field("Latitude").GetAttribute("type"));
        Assert.Equal("decimal", page.Field("Latitude").GetAttribute("inputmode"));
    }

    [Fact]
    public async Task A_driver_goes_on_break_from_their_phone_and_back_to_available()
    {
        SignIn("driver", Role.Driver, driverId: "drv-ana");
        var page = Render<DriverDesk>();

        await page.ClickAsync("On break");
        await Eventually.HoldsAsync(() => Live.FindDriver("drv-ana")?.Status == DriverStatus.OnBreak, "Ana is on break");
        Clock.Advance(TimeSpan.FromSeconds(1));
        page.WaitForAssertion(() => Assert.Contains("My status: on break", page.Markup, StringComparison.Ordinal));
        await page.ClickAsync("Available");

        await Eventually.HoldsAsync(() => Live.FindDriver("drv-ana")?.Status == DriverStatus.Available, "Ana is available again");
    }
}
