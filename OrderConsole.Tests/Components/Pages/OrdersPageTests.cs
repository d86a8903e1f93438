using Bunit;
using OrderConsole.Core.Orders;
using OrderConsole.Core.Service;
using OrderConsole.Tests.Support;
using OrdersPage = OrderConsole.Components.Pages.Orders;

namespace OrderConsole.Tests.Components.Pages;

/// <summary>All orders in bUnit: the grid pulls one page at a time, filters by status and search, and follows changes.</summary>
public sealed class OrdersPageTests : ConsoleTestContext
{
    [Fact]
    public async Task The_grid_lists_every_suppliers_orders_with_a_tracker_link()
    {
        var napoli = await Orders.CreateAsync(Marketplace.NapoliSupplier, new CreateOrder("napoli", [new OrderItem("Calzone", 1, 8m)]));
        await SeenLiveAsync(napoli);
        SignIn("dispatcher", Role.Dispatcher);

        var page = Render<OrdersPage>();

        page.WaitForAssertion(() => Assert.Contains("Napoli Express", Assert.Single(page.RowsWith(napoli.SupplierTrackingId)).Text(), StringComparison.Ordinal));
        Assert.Single(page.FindAll($"a[aria-label='Track {napoli.SupplierTrackingId}']"));
    }

    [Fact]
    public async Task A_large_store_is_shown_one_page_of_twenty_rows_at_a_time()
    {
        Order? last = null;
        for (var index = 0; index < 45; index++)
        {
            last = await Orders.CreateAsync(Marketplace.LuigisSupplier, new CreateOrder("luigis", [new OrderItem($"Bulk {index}", 1, 5m)]));
        }

        await SeenLiveAsync(last!);
        SignIn("dispatcher", Role.Dispatcher);

        var page = Render<OrdersPage>();

        page.WaitForAssertion(() => Assert.Equal(20, page.RowsWith("Bulk ").Count));
        Assert.Contains("Every status (45)", page.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Filtering_by_status_shows_only_that_status()
    {
        var ready = await OrderInStatusAsync(OrderStatus.Ready, "Ready One");
        var pending = await OrderInStatusAsync(OrderStatus.PendingSupplier, "Pending One");
        await SeenLiveAsync(pending);
        SignIn("dispatcher", Role.Dispatcher);
        var page = Render<OrdersPage>();
        page.WaitForAssertion(() => Assert.Single(page.RowsWith("Pending One")));

        await page.Field("Status").ChangeAsync(new() { Value = "ready" });

        page.WaitForAssertion(() =>
        {
            Assert.Single(page.RowsWith(ready.SupplierTrackingId));
            Assert.Empty(page.RowsWith("Pending One"));
        });
    }

    [Fact]
    public async Task Searching_by_a_customers_name_finds_their_order()
    {
        var accepted = await OrderInStatusAsync(OrderStatus.CustomerAccepted, "Searchable");
        var other = await OrderInStatusAsync(OrderStatus.PendingSupplier, "Not Searched");
        await SeenLiveAsync(other);
        SignIn("dispatcher", Role.Dispatcher);
        var page = Render<OrdersPage>();
        page.WaitForAssertion(() => Assert.Single(page.RowsWith("Not Searched")));

        page.Type("Search", Marketplace.Maya.Name!);
        Clock.Advance(TimeSpan.FromSeconds(1));

        page.WaitForAssertion(() =>
        {
            Assert.Single(page.RowsWith(accepted.SupplierTrackingId));
            Assert.Empty(page.RowsWith("Not Searched"));
        }, TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task A_status_change_elsewhere_shows_in_the_grid_without_a_reload()
    {
        var order = await OrderInStatusAsync(OrderStatus.PendingSupplier, "Watched");
        await SeenLiveAsync(order);
        SignIn("dispatcher", Role.Dispatcher);
        var page = Render<OrdersPage>();
        page.WaitForAssertion(() => Assert.Contains("pending supplier", Assert.Single(page.RowsWith("Watched")).Text(), StringComparison.Ordinal));

        var accepted = await Orders.AcceptAsSupplierAsync(Marketplace.LuigisSupplier, order.Id, null, 20);
        await SeenLiveAsync(accepted);

        page.WaitForAssertion(() => Assert.Contains("supplier accepted", Assert.Single(page.RowsWith("Watched")).Text(), StringComparison.Ordinal));
    }
}
