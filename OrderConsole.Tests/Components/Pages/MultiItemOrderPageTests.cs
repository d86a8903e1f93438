using Bunit;
using OrderConsole.Components.Pages;
using OrderConsole.Core.Orders;
using OrderConsole.Core.Service;
using OrderConsole.Tests.Support;
using CustomerPage = OrderConsole.Components.Pages.Customer;
using DispatchPage = OrderConsole.Components.Pages.Dispatch;
using OrdersPage = OrderConsole.Components.Pages.Orders;
using SupplierPage = OrderConsole.Components.Pages.Supplier;

namespace OrderConsole.Tests.Components.Pages;

/// <summary>An order of several items reads as all of them on every page, never as its first item; the whole list is one click away.</summary>
public sealed class MultiItemOrderPageTests : ConsoleTestContext
{
    private const string Summary = "2× Margherita, Tiramisu";
    private static readonly string[] s_lines = ["2× Margherita", "1× Tiramisu"];

    [Fact]
    public async Task The_customer_sees_every_item_of_an_offer_before_accepting_it()
    {
        var offer = await TwoItemOrderAsync(OrderStatus.SupplierAccepted);
        SignIn("customer", Role.Customer);
        var page = Render<CustomerPage>();

        Assert.Contains(Summary, Assert.Single(page.RowsWith(offer.SupplierTrackingId)).Text(), StringComparison.Ordinal);
        await page.ClickAsync($"Open offer {offer.SupplierTrackingId}");

        Assert.Equal(s_lines, Lines(page, offer));
        Assert.True(page.HasButton("Accept offer"));
    }

    [Fact]
    public async Task The_dispatch_desk_lists_a_ready_order_by_all_its_items_and_opens_the_list_in_one_click()
    {
        var order = await TwoItemOrderAsync(OrderStatus.Ready);
        SignIn("dispatcher", Role.Dispatcher);
        var page = Render<DispatchPage>();

        Assert.Contains(Summary, Assert.Single(page.RowsWith(order.SupplierTrackingId)).Text(), StringComparison.Ordinal);
        await page.ClickAsync(Summary);

        Assert.Equal(s_lines, Lines(page, order));
    }

    [Fact]
    public async Task The_driver_sees_every_item_to_check_the_bag_against()
    {
        var order = await TwoItemOrderAsync(OrderStatus.Dispatched);
        SignIn("driver", Role.Driver, driverId: "drv-ana");

        var page = Render<DriverDesk>();

        Assert.Equal(s_lines, Lines(page, order));
    }

    [Fact]
    public async Task All_orders_shows_every_item_of_a_row_and_opens_the_list_in_one_click()
    {
        var order = await TwoItemOrderAsync(OrderStatus.PendingSupplier);
        SignIn("dispatcher", Role.Dispatcher);
        var page = Render<OrdersPage>();

        page.WaitForAssertion(() => Assert.Contains(Summary, Assert.Single(page.RowsWith(order.SupplierTrackingId)).Text(), StringComparison.Ordinal));
        await page.ClickAsync(Summary);

        Assert.Equal(s_lines, Lines(page, order));
    }

    [Fact]
    public async Task The_supplier_desk_shows_every_item_with_its_price_one_click_away()
    {
        var order = await TwoItemOrderAsync(OrderStatus.PendingSupplier);
        SignIn("supplier1", Role.Supplier, supplierId: "luigis");
        var page = Render<SupplierPage>();

        Assert.Contains(Summary, Assert.Single(page.RowsWith(order.SupplierTrackingId)).Text(), StringComparison.Ordinal);
        await page.ClickAsync(Summary);

        Assert.Equal(["2× Margherita $9.50 each · $19.00", "1× Tiramisu $4.00 each · $4.00"], Lines(page, order));
    }

    [Fact]
    public async Task The_tracker_lists_every_item()
    {
        var order = await TwoItemOrderAsync(OrderStatus.InTransit);
        SignIn("dispatcher", Role.Dispatcher);

        var page = Render<Tracker>(parameters => parameters.Add(tracker => tracker.Id, order.Id));

        page.WaitForAssertion(() => Assert.Equal(s_lines, Lines(page, order)));
    }

    private static List<string> Lines<T>(IRenderedComponent<T> page, Order order)
        where T : Microsoft.AspNetCore.Components.IComponent =>
        [.. page.Find($"[role=list][aria-label='Items of {order.SupplierTrackingId}']").QuerySelectorAll("[role=listitem]").Select(line => line.Text())];

    /// <summary>A Luigi's order of two Margheritas and a Tiramisu, walked up to <paramref name="status"/> and seen by the read model.</summary>
    private async Task<Order> TwoItemOrderAsync(OrderStatus status)
    {
        var created = await Orders.CreateAsync(
            Marketplace.LuigisSupplier, new CreateOrder("luigis", [new OrderItem("Margherita", 2, 9.50m), new OrderItem("Tiramisu", 1, 4m)]));
        var order = await Marketplace.WalkAsync(Orders, created, status);
        await SeenLiveAsync(order);
        return order;
    }
}
