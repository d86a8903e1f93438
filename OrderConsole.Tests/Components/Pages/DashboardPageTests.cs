using Bunit;
using Microsoft.AspNetCore.Components;
using OrderConsole.Components.Layout;
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

        // The page draws its charts when it opens; the order was there before.
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

    [Fact]
    public async Task The_activity_follows_each_new_event_live()
    {
        var first = await OrderInStatusAsync(OrderStatus.PendingSupplier);
        await SeenLiveAsync(first);
        SignIn("admin", Role.Admin);
        var page = Render<Dashboard>();

        var second = await OrderInStatusAsync(OrderStatus.PendingSupplier);
        await SeenLiveAsync(second);

        page.WaitForAssertion(() => Assert.StartsWith($"sam created {second.SupplierTrackingId}", page.Find("ol.dash-activity li").Text(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_activitys_exact_times_move_to_the_viewers_clock_once_the_browser_tells_it()
    {
        var order = await OrderInStatusAsync(OrderStatus.PendingSupplier);
        await SeenLiveAsync(order);
        SignIn("admin", Role.Admin);
        var layout = Render<CascadingValue<ViewerTime>>(cascade => cascade.Add(value => value.Value, ViewerTime.Utc).AddChildContent<Dashboard>());
        Assert.EndsWith(" UTC", layout.Find("ol.dash-activity time").GetAttribute("title"), StringComparison.Ordinal);

        layout.Render(cascade => cascade.Add(value => value.Value, ViewerTime.FromBrowser("Europe/Rome")).AddChildContent<Dashboard>());

        layout.WaitForAssertion(() => Assert.EndsWith("(Europe/Rome)", layout.Find("ol.dash-activity time").GetAttribute("title"), StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_dashboard_shows_the_average_rating_and_the_latest_comments_live()
    {
        var first = await OrderInStatusAsync(OrderStatus.Delivered);
        await SeenLiveAsync(await Orders.GiveFeedbackAsync(first.TrackingToken, 5, "Still hot"));
        SignIn("admin", Role.Admin);
        var page = Render<Dashboard>();
        Assert.Equal("5.0 of 5", page.Find("[data-testid=average-rating]").TextContent);

        var second = await OrderInStatusAsync(OrderStatus.Delivered);
        await SeenLiveAsync(await Orders.GiveFeedbackAsync(second.TrackingToken, 2, "Forty minutes late"));

        page.WaitForAssertion(() =>
        {
            Assert.Equal("3.5 of 5", page.Find("[data-testid=average-rating]").TextContent);
            var comments = page.FindAll(".dash-comments li");
            Assert.Equal(2, comments.Count);
            Assert.Contains($"Order {second.SupplierTrackingId}", comments[0].TextContent, StringComparison.Ordinal);
            Assert.Contains("Forty minutes late", comments[0].TextContent, StringComparison.Ordinal);
        });
        Assert.Contains("from 2 ratings", page.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Before_any_rating_the_dashboard_says_so()
    {
        SignIn("admin", Role.Admin);

        var page = Render<Dashboard>();

        Assert.Equal("—", page.Find("[data-testid=average-rating]").TextContent);
        Assert.Contains("no delivery rated yet", page.Markup, StringComparison.Ordinal);
        Assert.Contains("No customer has left a comment yet.", page.Markup, StringComparison.Ordinal);
    }
}
