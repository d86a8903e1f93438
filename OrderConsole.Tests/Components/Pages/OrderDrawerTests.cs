using Bunit;
using OrderConsole.Core.Orders;
using OrderConsole.Tests.Support;
using DispatchPage = OrderConsole.Components.Pages.Dispatch;
using SupplierPage = OrderConsole.Components.Pages.Supplier;

namespace OrderConsole.Tests.Components.Pages;

/// <summary>The order details drawer opened from the dispatch desk and the supplier desk: items, timeline, and live changes.</summary>
public sealed class OrderDrawerTests : ConsoleTestContext
{
    [Fact]
    public async Task Details_of_a_ready_order_on_the_dispatch_desk_show_its_items_and_timeline()
    {
        var order = await OrderInStatusAsync(OrderStatus.Ready, "Calzone Grande");
        await SeenLiveAsync(order);
        SignIn("dispatcher", Role.Dispatcher);
        var page = Render<DispatchPage>();

        await page.ClickAsync($"Details of {order.SupplierTrackingId}");

        page.WaitForAssertion(() => AssertShows(page, order, "Calzone Grande", "ready"));
    }

    [Fact]
    public async Task A_closed_drawer_is_not_drawn_again_when_its_page_follows_a_change()
    {
        SignIn("dispatcher", Role.Dispatcher);
        var page = Render<DispatchPage>();
        var drawer = page.FindComponent<OrderConsole.Components.Controls.OrderDrawer>();
        var drawn = drawer.RenderCount;

        var order = await OrderInStatusAsync(OrderStatus.Ready, "Unopened");
        await SeenLiveAsync(order);

        page.WaitForAssertion(() => Assert.Single(page.RowsWith(order.SupplierTrackingId)));
        Assert.Equal(drawn, drawer.RenderCount);
    }

    [Fact]
    public async Task The_dispatch_desk_drawer_follows_the_order_when_it_is_dispatched_elsewhere()
    {
        var order = await OrderInStatusAsync(OrderStatus.Ready, "Followed");
        await SeenLiveAsync(order);
        SignIn("dispatcher", Role.Dispatcher);
        var page = Render<DispatchPage>();
        await page.ClickAsync($"Details of {order.SupplierTrackingId}");
        page.WaitForAssertion(() => AssertShows(page, order, "Followed", "ready"));

        var dispatched = await Orders.DispatchAsync(Marketplace.Dispatcher, order.Id, "drv-ana");
        await SeenLiveAsync(dispatched);

        page.WaitForAssertion(() => AssertShows(page, order, "Ana Lopez", "dispatched"));
    }

    [Fact]
    public async Task Details_of_an_order_on_the_road_show_it_delivered_once_it_is()
    {
        var order = await OrderInStatusAsync(OrderStatus.InTransit, "Delivered Later");
        await SeenLiveAsync(order);
        SignIn("dispatcher", Role.Dispatcher);
        var page = Render<DispatchPage>();
        await page.ClickAsync($"Details of {order.SupplierTrackingId}");
        page.WaitForAssertion(() => AssertShows(page, order, "Delivered Later", "in transit"));

        var delivered = await Orders.AdvanceAsync(Marketplace.Dispatcher, order.Id, OrderStatus.Delivered);
        await SeenLiveAsync(delivered);

        page.WaitForAssertion(() => AssertShows(page, order, "Delivered Later", "delivered"));
    }

    [Fact]
    public async Task Details_of_an_order_on_the_supplier_desk_show_its_items_and_timeline()
    {
        var order = await OrderInStatusAsync(OrderStatus.Preparing, "Supplier Special");
        await SeenLiveAsync(order);
        SignIn("supplier1", Role.Supplier, supplierId: "luigis");
        var page = Render<SupplierPage>();

        await page.ClickAsync($"Details of {order.SupplierTrackingId}");

        page.WaitForAssertion(() => AssertShows(page, order, "Supplier Special", "preparing"));
    }

    [Fact]
    public async Task The_supplier_desk_drawer_follows_the_order_when_a_dispatcher_sends_it_out()
    {
        var order = await OrderInStatusAsync(OrderStatus.Ready, "Sent Out");
        await SeenLiveAsync(order);
        SignIn("supplier1", Role.Supplier, supplierId: "luigis");
        var page = Render<SupplierPage>();
        await page.ClickAsync($"Details of {order.SupplierTrackingId}");
        page.WaitForAssertion(() => AssertShows(page, order, "Sent Out", "ready"));

        var dispatched = await Orders.DispatchAsync(Marketplace.Dispatcher, order.Id, "drv-ana");
        await SeenLiveAsync(dispatched);

        page.WaitForAssertion(() => AssertShows(page, order, "Ana Lopez", "dispatched"));
    }

    [Fact]
    public async Task Closing_the_drawer_hides_the_order_details()
    {
        var order = await OrderInStatusAsync(OrderStatus.Ready);
        await SeenLiveAsync(order);
        SignIn("dispatcher", Role.Dispatcher);
        var page = Render<DispatchPage>();
        await page.ClickAsync($"Details of {order.SupplierTrackingId}");
        page.WaitForAssertion(() => Assert.Single(page.FindAll(".order-details")));

        await page.ClickAsync("Close the order details");

        page.WaitForAssertion(() => Assert.Empty(page.FindAll(".order-details")));
    }

    /// <summary>The drawer names the order with its status, holds <paramref name="text"/> and has at least one timeline entry.</summary>
    private static void AssertShows<T>(IRenderedComponent<T> page, Order order, string text, string status)
        where T : Microsoft.AspNetCore.Components.IComponent
    {
        var details = page.Find(".order-details");
        var title = details.QuerySelector("h2")!.TextContent;
        Assert.Contains($"Order {order.SupplierTrackingId}", title, StringComparison.Ordinal);
        Assert.Contains(status, title, StringComparison.Ordinal);
        Assert.Contains(text, details.TextContent, StringComparison.Ordinal);
        Assert.NotEmpty(details.QuerySelectorAll(".track-timeline [role=listitem]"));
    }
}
