using Bunit;
using OrderConsole.Components.Pages;
using OrderConsole.Core.Orders;
using OrderConsole.Tests.Support;

namespace OrderConsole.Tests.Components.Pages;

/// <summary>The staff tracker in bUnit: the order, its driver and timeline, for those who may see it; nothing for those who may not.</summary>
public sealed class TrackerPageTests : ConsoleTestContext
{
    [Fact]
    public async Task The_tracker_shows_the_order_its_driver_and_its_timeline()
    {
        var order = await OrderInStatusAsync(OrderStatus.Dispatched);
        await SeenLiveAsync(order);
        SignIn("dispatcher", Role.Dispatcher);

        var page = Render<Tracker>(parameters => parameters.Add(tracker => tracker.Id, order.Id));

        page.WaitForAssertion(() =>
        {
            Assert.Contains($"Order {order.SupplierTrackingId}", page.Find("h1").Text(), StringComparison.Ordinal);
            Assert.Contains("Ana Lopez", page.Markup, StringComparison.Ordinal);
            Assert.Contains("created the order", page.Markup, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Another_suppliers_order_reads_as_no_such_order()
    {
        var order = await OrderInStatusAsync(OrderStatus.PendingSupplier);
        await SeenLiveAsync(order);
        SignIn("supplier2", Role.Supplier, supplierId: "napoli");

        var page = Render<Tracker>(parameters => parameters.Add(tracker => tracker.Id, order.Id));

        page.WaitForAssertion(() => Assert.Equal("No such order", page.Find("h1").Text()));
        Assert.DoesNotContain(order.SupplierTrackingId, page.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_change_of_the_order_moves_the_tracker_on_without_a_reload()
    {
        var order = await OrderInStatusAsync(OrderStatus.Dispatched);
        await SeenLiveAsync(order);
        SignIn("dispatcher", Role.Dispatcher);
        var page = Render<Tracker>(parameters => parameters.Add(tracker => tracker.Id, order.Id));
        page.WaitForAssertion(() => Assert.Equal("33", page.Find("[role=progressbar]").GetAttribute("aria-valuenow")));

        var moved = await Orders.AdvanceAsync(Marketplace.AnaDriving, order.Id, OrderStatus.InTransit);
        await SeenLiveAsync(moved);

        page.WaitForAssertion(() => Assert.Equal("66", page.Find("[role=progressbar]").GetAttribute("aria-valuenow")));
    }

    [Fact]
    public async Task The_timeline_is_a_list_named_timeline_with_one_entry_per_change_oldest_first()
    {
        var order = await OrderInStatusAsync(OrderStatus.Dispatched);
        await SeenLiveAsync(order);
        SignIn("dispatcher", Role.Dispatcher);

        var page = Render<Tracker>(parameters => parameters.Add(tracker => tracker.Id, order.Id));

        page.WaitForAssertion(() =>
        {
            var list = page.Find("[role=list][aria-labelledby=timeline-title]");
            Assert.StartsWith("Timeline", page.Find("#timeline-title").TextContent, StringComparison.Ordinal);
            var entries = list.QuerySelectorAll("[role=listitem]").Select(entry => entry.Text()).ToList();
            Assert.Equal(6, entries.Count);
            Assert.Contains("created the order", entries[0], StringComparison.Ordinal);
            Assert.Contains("dispatched the order with Ana Lopez", entries[^1], StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Staff_see_the_customers_stars_and_comment_on_the_tracker()
    {
        var delivered = await OrderInStatusAsync(OrderStatus.Delivered);
        var rated = await Orders.GiveFeedbackAsync(delivered.TrackingToken, 4, "Friendly, but the box was dented");
        await SeenLiveAsync(rated);
        SignIn("dispatcher", Role.Dispatcher);

        var page = Render<Tracker>(parameters => parameters.Add(tracker => tracker.Id, delivered.Id));

        page.WaitForAssertion(() =>
        {
            var feedback = page.Find("[data-testid=customer-feedback]");
            Assert.Equal("4 of 5 stars", feedback.QuerySelector("[role=img]")!.GetAttribute("aria-label"));
            Assert.Equal("Friendly, but the box was dented", feedback.QuerySelector("blockquote")!.TextContent);
        });
        page.WaitForAssertion(() => Assert.Contains(
            page.FindAll(".event-line"), line => line.TextContent.StartsWith("customer (tracking link) rated the order 4 of 5", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task An_order_nobody_rated_has_no_feedback_on_the_tracker()
    {
        var delivered = await OrderInStatusAsync(OrderStatus.Delivered);
        await SeenLiveAsync(delivered);
        SignIn("dispatcher", Role.Dispatcher);

        var page = Render<Tracker>(parameters => parameters.Add(tracker => tracker.Id, delivered.Id));

        page.WaitForAssertion(() => Assert.Contains("Delivered", page.Markup, StringComparison.Ordinal));
        Assert.Empty(page.FindAll("[data-testid=customer-feedback]"));
    }
}
