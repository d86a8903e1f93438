using Bunit;
using OrderConsole.Components.Pages;
using OrderConsole.Core.Orders;

namespace OrderConsole.Tests.Components.Pages;

/// <summary>The admin's dashboard in bUnit: key figures, the charts' numbers, deliveries under way and the activity feed.</summary>
public sealed class DashboardPageTests : ConsoleTestContext
{
    [Fact]
    public async Task The_dashboard_counts_orders_by_status_in_its_chart_table()
    {
        var ready = await OrderInStatusAsync(OrderStatus.Ready);
        await SeenLiveAsync(ready);
        SignIn("admin", Role.Admin);

        var page = Render<Dashboard>();
        Clock.Advance(TimeSpan.FromSeconds(1));

        // The charts redraw at most every 200 ms; the clock has moved past that.
        page.WaitForAssertion(() =>
        {
            var row = page.FindAll("table tr").Single(tr => tr.QuerySelector("th")?.TextContent == "ready");
            Assert.Equal("1", row.QuerySelector("td")!.TextContent);
        });
    }

    [Fact]
    public async Task A_delivery_under_way_is_listed_with_its_driver()
    {
        var order = await OrderInStatusAsync(OrderStatus.Dispatched);
        await SeenLiveAsync(order);
        SignIn("admin", Role.Admin);

        var page = Render<Dashboard>();

        Assert.Contains("Ana Lopez", Assert.Single(page.RowsWith(order.SupplierTrackingId)).Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_activity_feed_names_who_did_what_to_which_order()
    {
        var order = await OrderInStatusAsync(OrderStatus.PendingSupplier);
        await SeenLiveAsync(order);
        SignIn("admin", Role.Admin);

        var page = Render<Dashboard>();

        Assert.Contains($"sam created {order.SupplierTrackingId}", page.Find("ol.dash-activity").Text(), StringComparison.Ordinal);
    }
}
