using Bunit;
using OrderConsole.Components.Pages;
using OrderConsole.Core.Drivers;
using OrderConsole.Core.Orders;
using OrderConsole.Core.Service;
using OrderConsole.Tests.Support;
using DispatchPage = OrderConsole.Components.Pages.Dispatch;
using OrdersPage = OrderConsole.Components.Pages.Orders;

namespace OrderConsole.Tests.Components.Pages;

/// <summary>Which markers each page's map shows, read from the list beside the map: the same words the markers carry.</summary>
public sealed class PageMapTests : ConsoleTestContext
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await Store.SaveSupplierAsync(Samples.Luigis with { Latitude = 40.7191, Longitude = -73.9973 });
        await Store.SaveSupplierAsync(Samples.Napoli with { Latitude = 40.7465, Longitude = -74.0014 });
        await Eventually.HoldsAsync(() => Live.Suppliers().All(supplier => supplier.Latitude is not null), "the read model has the pickups");
    }

    [Fact]
    public async Task The_dispatch_map_shows_working_drivers_by_status_and_the_pickups_of_ready_orders()
    {
        var ready = await OrderInStatusAsync(OrderStatus.Ready);
        await PositionAsync(Marketplace.AnaDriving, 40.7128, -74.0060);
        await PositionAsync(Marketplace.BenDriving, 40.7306, -73.9866);
        await new DriverDirectory(Store).SetStatusAsync(Marketplace.Dispatcher, "drv-ben", DriverStatus.OnBreak);
        await Eventually.HoldsAsync(() => Live.FindDriver("drv-ben")?.Status == DriverStatus.OnBreak, "Ben is on break");
        await SeenLiveAsync(ready);
        SignIn("dispatcher", Role.Dispatcher);

        var page = Render<DispatchPage>();

        page.WaitForAssertion(() => Assert.Equal(
            ["Ana Lopez, available", "Ben Okafor, on break", $"Pickup at Luigi's Pizzeria for {ready.SupplierTrackingId}"],
            Shown(page, "Map of drivers and pickups")));
        var swatches = page.FindAll("[aria-label='Map of drivers and pickups: what it shows'] .live-map-swatch");
        Assert.Contains("live-map-available-driver", swatches[0].ClassList);
        Assert.Contains("live-map-on-break-driver", swatches[1].ClassList);
        Assert.Contains("live-map-pickup", swatches[2].ClassList);
    }

    [Fact]
    public async Task The_dispatch_map_leaves_out_offline_drivers_and_suppliers_with_nothing_ready()
    {
        await PositionAsync(Marketplace.AnaDriving, 40.7128, -74.0060);
        await new DriverDirectory(Store).SetStatusAsync(Marketplace.Dispatcher, "drv-ana", DriverStatus.Offline);
        await Eventually.HoldsAsync(() => Live.FindDriver("drv-ana")?.Status == DriverStatus.Offline, "Ana is offline");
        var preparing = await OrderInStatusAsync(OrderStatus.Preparing);
        await SeenLiveAsync(preparing);
        SignIn("dispatcher", Role.Dispatcher);

        var page = Render<DispatchPage>();

        page.WaitForAssertion(() => Assert.Equal(
            "No working driver and no pickup of a ready order has a known position.", page.Find(".live-map-empty").TextContent));
    }

    [Fact]
    public async Task A_drivers_new_position_moves_them_on_the_dispatch_map()
    {
        await PositionAsync(Marketplace.AnaDriving, 40.7128, -74.0060);
        SignIn("dispatcher", Role.Dispatcher);
        var page = Render<DispatchPage>();
        page.WaitForAssertion(() => Assert.Contains("40.71280, -74.00600", Line(page, "Map of drivers and pickups", "Ana Lopez"), StringComparison.Ordinal));

        await PositionAsync(Marketplace.AnaDriving, 40.7501, -73.9901);
        Clock.Advance(TimeSpan.FromSeconds(1));

        page.WaitForAssertion(() => Assert.Contains("40.75010, -73.99010", Line(page, "Map of drivers and pickups", "Ana Lopez"), StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_dashboard_map_shows_the_drivers_of_deliveries_under_way()
    {
        await PositionAsync(Marketplace.AnaDriving, 40.7128, -74.0060);
        await PositionAsync(Marketplace.BenDriving, 40.7306, -73.9866);
        var onTheRoad = await OrderInStatusAsync(OrderStatus.InTransit);
        await SeenLiveAsync(onTheRoad);
        SignIn("admin", Role.Admin);

        var page = Render<Dashboard>();

        page.WaitForAssertion(() => Assert.Equal([$"Ana Lopez, in transit with {onTheRoad.SupplierTrackingId}"], Shown(page, "Map of deliveries under way")));
    }

    [Fact]
    public async Task The_tracker_map_shows_the_pickup_the_destination_and_the_driver_of_a_delivery_under_way()
    {
        await PositionAsync(Marketplace.AnaDriving, 40.7128, -74.0060);
        var order = await Orders.CreateAsync(Marketplace.LuigisSupplier, new CreateOrder("luigis", [new OrderItem("Margherita", 1, 12.5m)]));
        order = await Orders.AcceptAsSupplierAsync(Marketplace.LuigisSupplier, order.Id, null, 30);
        order = await Orders.AcceptOfferAsync(Marketplace.Customer, order.Id,
            new CustomerDetails("Maya", "+1 555 0199", "12 Map Lane") { DeliveryLatitude = 40.7301, DeliveryLongitude = -73.9950 });
        await Orders.AdvanceAsync(Marketplace.LuigisSupplier, order.Id, OrderStatus.Preparing);
        await Orders.AdvanceAsync(Marketplace.LuigisSupplier, order.Id, OrderStatus.Ready);
        order = await Orders.DispatchAsync(Marketplace.Dispatcher, order.Id, "drv-ana");
        await SeenLiveAsync(order);
        SignIn("dispatcher", Role.Dispatcher);

        var page = Render<Tracker>(parameters => parameters.Add(tracker => tracker.Id, order.Id));

        page.WaitForAssertion(() => Assert.Equal(
            [
                $"Pickup at Luigi's Pizzeria for {order.SupplierTrackingId}",
                $"Destination of {order.SupplierTrackingId}: 12 Map Lane",
                $"Ana Lopez, dispatched with {order.SupplierTrackingId}",
            ],
            Shown(page, "Map of this delivery")));
    }

    [Fact]
    public async Task The_tracker_map_drops_the_driver_once_the_order_is_delivered()
    {
        await PositionAsync(Marketplace.AnaDriving, 40.7128, -74.0060);
        var order = await OrderInStatusAsync(OrderStatus.Delivered);
        await SeenLiveAsync(order);
        SignIn("dispatcher", Role.Dispatcher);

        var page = Render<Tracker>(parameters => parameters.Add(tracker => tracker.Id, order.Id));

        page.WaitForAssertion(() => Assert.Equal([$"Pickup at Luigi's Pizzeria for {order.SupplierTrackingId}"], Shown(page, "Map of this delivery")));
    }

    [Fact]
    public async Task The_order_drawer_on_all_orders_maps_the_pickup_and_the_driver_of_a_delivery_under_way()
    {
        await PositionAsync(Marketplace.AnaDriving, 40.7128, -74.0060);
        var order = await OrderInStatusAsync(OrderStatus.InTransit);
        await SeenLiveAsync(order);
        SignIn("dispatcher", Role.Dispatcher);
        var page = Render<OrdersPage>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll($"[aria-label='Details of {order.SupplierTrackingId}']")));

        await page.ClickAsync($"Details of {order.SupplierTrackingId}");

        page.WaitForAssertion(() => Assert.Equal(
            [$"Pickup at Luigi's Pizzeria for {order.SupplierTrackingId}", $"Ana Lopez, in transit with {order.SupplierTrackingId}"],
            Shown(page, $"Map of {order.SupplierTrackingId}")));
    }

    private async Task PositionAsync(Actor driver, double latitude, double longitude)
    {
        await Orders.ReportPositionAsync(driver, driver.DriverId!, latitude, longitude);
        await Eventually.HoldsAsync(() => Live.FindDriver(driver.DriverId!)?.Latitude == latitude, $"the read model has {driver.Name}'s position");
    }

    private static List<string> Shown<TPage>(IRenderedComponent<TPage> page, string map)
        where TPage : Microsoft.AspNetCore.Components.IComponent =>
        [.. page.FindAll($"[aria-label='{map}: what it shows'] .live-map-label").Select(label => label.TextContent)];

    private static string Line<TPage>(IRenderedComponent<TPage> page, string map, string who)
        where TPage : Microsoft.AspNetCore.Components.IComponent =>
        page.FindAll($"[aria-label='{map}: what it shows'] li").Single(line => line.TextContent.Contains(who, StringComparison.Ordinal)).TextContent;
}
