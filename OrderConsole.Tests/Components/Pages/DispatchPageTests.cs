using Bunit;
using MudBlazor;
using OrderConsole.Core.Drivers;
using OrderConsole.Core.Orders;
using OrderConsole.Core.Settings;
using OrderConsole.Tests.Support;
using DispatchPage = OrderConsole.Components.Pages.Dispatch;

namespace OrderConsole.Tests.Components.Pages;

/// <summary>The dispatch desk in bUnit: putting a driver on a ready order, and the dispatcher who loses a race told so in words.</summary>
public sealed class DispatchPageTests : ConsoleTestContext
{
    [Fact]
    public async Task Dispatching_a_ready_order_with_a_chosen_driver_puts_it_on_the_road()
    {
        var order = await OrderInStatusAsync(OrderStatus.Ready, "Diavola");
        await SeenLiveAsync(order);
        SignIn("dispatcher", Role.Dispatcher);
        var popovers = Render<MudPopoverProvider>();
        var page = Render<DispatchPage>();

        await page.ClickAsync($"Open order {order.SupplierTrackingId}");
        await page.ChooseAsync(popovers, "Driver", "Ben Okafor");
        Assert.StartsWith("Ben Okafor (bike)", page.Field("Driver").GetAttribute("value"), StringComparison.Ordinal);
        await page.ClickAsync("Dispatch order");

        await Eventually.HoldsAsync(() => Live.Find(order.Id)?.Status == OrderStatus.Dispatched, "the order is dispatched");
        Assert.Equal("drv-ben", Live.Find(order.Id)!.DriverId);
    }

    [Fact]
    public async Task Dispatching_without_a_driver_says_so_beside_the_driver_field()
    {
        var order = await OrderInStatusAsync(OrderStatus.Ready);
        await SeenLiveAsync(order);
        SignIn("dispatcher", Role.Dispatcher);
        var page = Render<DispatchPage>();

        await page.ClickAsync($"Open order {order.SupplierTrackingId}");
        await page.ClickAsync("Dispatch order");

        Assert.Equal("Choose a driver first", page.ErrorOf("Driver"));
        Assert.Equal(OrderStatus.Ready, Live.Find(order.Id)!.Status);
    }

    [Fact]
    public async Task The_dispatcher_who_loses_a_race_is_told_in_words_who_was_quicker()
    {
        var (order, page, snackbars) = await BenChosenAndPageBusyAsync();

        // The other dispatcher puts Ana on the order first, and this page has not re-rendered yet when Dora clicks.
        var won = await Orders.DispatchAsync(Marketplace.Dispatcher with { Name = "dispatcher" }, order.Id, "drv-ana");
        await Eventually.HoldsAsync(() => Live.Find(order.Id)?.Version >= won.Version, "the read model has the other dispatch");
        await page.ClickAsync("Dispatch order");

        snackbars.WaitForAssertion(() =>
        {
            var message = snackbars.Markup;
            Assert.Contains($"{order.SupplierTrackingId} was just dispatched with Ana Lopez by dispatcher", message, StringComparison.Ordinal);
            Assert.DoesNotContain(order.ShortId, message, StringComparison.Ordinal);
            Assert.DoesNotContain("ready;", message, StringComparison.Ordinal);
        });
        Assert.Equal("drv-ana", Live.Find(order.Id)!.DriverId);
    }

    [Fact]
    public async Task Dispatching_with_a_driver_who_went_on_break_meanwhile_says_so_by_name_beside_the_driver_field()
    {
        var (order, page, snackbars) = await BenChosenAndPageBusyAsync();

        await Store.ChangeDriverAsync("drv-ben", new DriverChange { Status = DriverStatus.OnBreak }, "ben");
        await Eventually.HoldsAsync(() => Live.Drivers().Single(driver => driver.Id == "drv-ben").Status == DriverStatus.OnBreak, "the read model has Ben on break");
        await page.ClickAsync("Dispatch order");

        page.WaitForAssertion(() => Assert.Equal("Ben Okafor is on break; choose an available driver", page.ErrorOf("Driver")));
        snackbars.WaitForAssertion(() => Assert.Contains("Ben Okafor is on break; choose an available driver.", snackbars.Markup, StringComparison.Ordinal));
        Assert.Equal(OrderStatus.Ready, Live.Find(order.Id)!.Status);
    }

    [Fact]
    public async Task A_delivery_marked_in_transit_elsewhere_changes_its_buttons_without_a_reload()
    {
        var order = await OrderInStatusAsync(OrderStatus.Dispatched);
        await SeenLiveAsync(order);
        SignIn("dispatcher", Role.Dispatcher);
        var page = Render<DispatchPage>();
        Assert.True(page.HasButton($"Mark {order.SupplierTrackingId} in transit"));

        var moved = await Orders.AdvanceAsync(Marketplace.AnaDriving, order.Id, OrderStatus.InTransit);
        await SeenLiveAsync(moved);

        page.WaitForAssertion(() => Assert.True(page.HasButton($"Mark {order.SupplierTrackingId} delivered")));
    }

    [Fact]
    public async Task Drivers_on_break_offline_or_deactivated_are_never_offered()
    {
        await Store.SaveDriverAsync(new Driver { Id = "drv-cal", Name = "Cal Offline", Vehicle = "car", Status = DriverStatus.Offline }, "setup");
        await Store.ChangeDriverAsync("drv-ben", new DriverChange { Status = DriverStatus.OnBreak }, "setup");
        await Store.ChangeDriverAsync("drv-ana", new DriverChange { Profile = new DriverProfile("Ana Lopez", null, "scooter", Active: false) }, "setup");
        var order = await OrderInStatusAsync(OrderStatus.Ready);
        await SeenLiveAsync(order);
        await Eventually.HoldsAsync(() => Live.FindDriver("drv-ana") is { Active: false } && Live.FindDriver("drv-cal") is not null, "the read model has the drivers' changes");
        SignIn("dispatcher", Role.Dispatcher);
        var page = Render<DispatchPage>();

        await page.ClickAsync($"Open order {order.SupplierTrackingId}");

        var offered = page.Field("Driver").QuerySelectorAll("option").Select(option => option.GetAttribute("value")).Where(value => value is { Length: > 0 });
        Assert.Empty(offered);
    }

    [Fact]
    public async Task An_order_past_its_estimate_but_within_the_late_threshold_is_not_marked_late()
    {
        var order = await OrderInStatusAsync(OrderStatus.Ready);
        await SeenLiveAsync(order);
        Clock.SetUtcNow(order.EstimatedArrival!.Value.AddMinutes(9));
        SignIn("dispatcher", Role.Dispatcher);

        var page = Render<DispatchPage>();

        Assert.Empty(page.FindAll(".late-badge"));
        Assert.Empty(page.FindAll("tr.late-row"));
    }

    [Fact]
    public async Task A_saved_late_threshold_marks_orders_late_live_counting_from_the_estimate()
    {
        var order = await OrderInStatusAsync(OrderStatus.Ready);
        await SeenLiveAsync(order);
        Clock.SetUtcNow(order.EstimatedArrival!.Value.AddMinutes(6));
        SignIn("dispatcher", Role.Dispatcher);
        var page = Render<DispatchPage>();
        Assert.Empty(page.FindAll(".late-badge"));

        await Orders.SaveSettingsAsync(Marketplace.Admin, new ConsoleSettings { Currency = "USD", DefaultMarkupPercentage = 30m, LateThresholdMinutes = 5, TimeZone = "UTC" });
        await Eventually.HoldsAsync(() => Settings.Value.LateThresholdMinutes == 5, "the read model has the saved settings");
        Clock.Advance(TimeSpan.FromSeconds(1));

        page.WaitForAssertion(() => Assert.Equal("late by 6 min", page.Find(".late-badge").TextContent));
        Assert.Single(page.FindAll("tr.late-row"));
    }

    /// <summary>
    /// Dora opens a ready order and chooses Ben; then Ben's new position re-renders the page at once and starts its
    /// render interval, so a change made next is not on the page yet when Dora clicks.
    /// </summary>
    private async Task<(Order Order, IRenderedComponent<DispatchPage> Page, IRenderedComponent<MudSnackbarProvider> Snackbars)> BenChosenAndPageBusyAsync()
    {
        var order = await OrderInStatusAsync(OrderStatus.Ready);
        await SeenLiveAsync(order);
        SignIn("dora", Role.Dispatcher);
        var snackbars = Render<MudSnackbarProvider>();
        var popovers = Render<MudPopoverProvider>();
        var page = Render<DispatchPage>();
        await page.ClickAsync($"Open order {order.SupplierTrackingId}");
        await page.ChooseAsync(popovers, "Driver", "Ben Okafor");
        await Orders.ReportPositionAsync(Marketplace.BenDriving, "drv-ben", 40.71, -74.0);
        await Eventually.HoldsAsync(() => Live.Drivers().Single(driver => driver.Id == "drv-ben").Latitude is not null, "the read model has Ben's position");
        return (order, page, snackbars);
    }
}
