using AngleSharp.Dom;
using Bunit;
using OrderConsole.Components.Tracking;
using OrderConsole.Core.Orders;
using OrderConsole.Core.Service;
using OrderConsole.Tests.Components.Pages;
using OrderConsole.Tests.Support;
using OrderConsole.Tracking;

namespace OrderConsole.Tests.Components.Tracking;

/// <summary>
/// The public tracking page in bUnit, rendered from an order's public view as the tracking link's endpoint renders
/// it: the status in words, what was ordered, the arrival, the driver, and nothing private.
/// </summary>
public sealed class TrackingPageTests : ConsoleTestContext
{
    [Fact]
    public async Task The_page_shows_the_orders_status_in_a_customers_words()
    {
        var page = await TrackAsync(await OrderInStatusAsync(OrderStatus.InTransit));

        Assert.Equal("On the way", page.Find("h1").Text());
    }

    [Fact]
    public async Task The_page_names_the_order_by_the_shops_reference_the_shop_and_the_tracking_number()
    {
        var order = await OrderInStatusAsync(OrderStatus.Preparing);

        var page = await TrackAsync(order);

        Assert.Equal($"Order {order.SupplierTrackingId} from Luigi's Pizzeria · tracking number {order.TrackingId}", page.Find(".track-order").Text());
    }

    [Fact]
    public async Task The_items_are_listed_by_name_with_a_count_where_more_than_one_was_ordered()
    {
        var order = await Orders.CreateAsync(Marketplace.LuigisSupplier, new CreateOrder("luigis", [new OrderItem("Margherita", 2, 12.50m), new OrderItem("Tiramisu", 1, 6m)]));

        var page = await TrackAsync(order);

        Assert.Equal("2 × Margherita, Tiramisu", page.Find(".track-items").Text());
    }

    [Fact]
    public async Task An_accepted_order_shows_when_it_is_expected_and_in_how_many_minutes()
    {
        var order = await OrderInStatusAsync(OrderStatus.SupplierAccepted);
        var eta = order.EstimatedArrival!.Value;

        var page = await TrackAsync(order, now: eta.AddMinutes(-12));

        Assert.Equal($"Expected at {eta.UtcDateTime:HH:mm} UTC · in 12 min", Shown(page, "eta").Text());
    }

    [Fact]
    public async Task An_order_past_its_estimate_is_expected_any_minute_now()
    {
        var order = await OrderInStatusAsync(OrderStatus.InTransit);

        var page = await TrackAsync(order, now: order.EstimatedArrival!.Value.AddMinutes(3));

        Assert.EndsWith("· any minute now", Shown(page, "eta").Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Before_the_shop_accepts_the_page_says_there_is_no_estimate_yet()
    {
        var page = await TrackAsync(await OrderInStatusAsync(OrderStatus.PendingSupplier));

        Assert.Equal("No estimate yet: the shop gives one when it accepts the order.", Shown(page, "no-eta").Text());
        Assert.True(page.Find("[data-show=eta]").HasAttribute("hidden"));
    }

    [Fact]
    public async Task Once_a_driver_is_assigned_the_page_greets_them_by_first_name_only()
    {
        var page = await TrackAsync(await OrderInStatusAsync(OrderStatus.Dispatched));

        Assert.Equal("Ana is your driver", Shown(page, "driver").Text());
        Assert.DoesNotContain("Lopez", page.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Before_a_driver_is_assigned_the_page_says_one_comes_when_the_order_is_ready()
    {
        var page = await TrackAsync(await OrderInStatusAsync(OrderStatus.Preparing));

        Assert.Equal("No driver yet: one is assigned when the order is ready.", Shown(page, "no-driver").Text());
    }

    [Fact]
    public async Task A_delivered_order_says_when_it_was_delivered_and_that_the_page_no_longer_changes()
    {
        var page = await TrackAsync(await OrderInStatusAsync(OrderStatus.Delivered));

        Assert.StartsWith("Delivered at ", Shown(page, "delivered").Text(), StringComparison.Ordinal);
        Assert.Equal("This order is complete; the page no longer changes.", page.Find("[role=status]").Text());
        Assert.Empty(page.FindAll("meta[http-equiv=refresh]"));
    }

    [Fact]
    public async Task A_cancelled_order_says_it_will_not_be_delivered()
    {
        var order = await OrderInStatusAsync(OrderStatus.Preparing);
        order = await Orders.CancelAsync(Marketplace.Dispatcher, order.Id, "Out of dough");

        var page = await TrackAsync(order);

        Assert.Equal("Cancelled", page.Find("h1").Text());
        Assert.Equal("This order will not be delivered.", Shown(page, "stopped").Text());
    }

    [Fact]
    public async Task An_order_on_its_way_shows_two_thirds_of_the_delivery_done()
    {
        var page = await TrackAsync(await OrderInStatusAsync(OrderStatus.InTransit));

        Assert.Equal("66", page.Find("[role=progressbar][aria-label='Delivery progress']").GetAttribute("aria-valuenow"));
        Assert.Equal("66 %", page.Find(".track-progress-value").Text());
    }

    [Fact]
    public async Task The_timeline_lists_each_change_of_the_order_in_words()
    {
        var order = await OrderInStatusAsync(OrderStatus.Ready);

        var page = await TrackAsync(order);

        var entries = page.FindAll("ol[aria-label=Timeline] li");
        Assert.True(entries.Count >= 4, $"expected an entry per change up to Ready, found {entries.Count}");
        Assert.All(entries, entry => Assert.Matches(@"^\d\d:\d\d UTC \S.*", entry.Text()));
        Assert.DoesNotContain(entries, entry => entry.Text().Contains('_', StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_page_never_shows_the_customers_name_phone_or_address_nor_the_shops_note()
    {
        var page = await TrackAsync(await OrderInStatusAsync(OrderStatus.InTransit));

        Assert.DoesNotContain(Marketplace.Maya.Name!, page.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain(Marketplace.Maya.Phone!, page.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain(Marketplace.Maya.Address!, page.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("Fresh basil today", page.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_order_that_can_still_change_reloads_without_scripts_and_follows_live_with_them()
    {
        var page = await TrackAsync(await OrderInStatusAsync(OrderStatus.Preparing));

        Assert.Equal("30", page.Find("meta[http-equiv=refresh]").GetAttribute("content"));
        Assert.Equal("/js/track.js", page.Find("script").GetAttribute("src"));
    }

    /// <summary>The arrival or driver line named <paramref name="which"/>, which must be the one showing.</summary>
    private static IElement Shown(IRenderedComponent<TrackingPage> page, string which)
    {
        var line = page.Find($"[data-show={which}]");
        Assert.False(line.HasAttribute("hidden"), $"the \"{which}\" line is hidden");
        return line;
    }

    private async Task<IRenderedComponent<TrackingPage>> TrackAsync(Order order, DateTimeOffset? now = null)
    {
        var driver = order.DriverId is { } id ? await Store.GetDriverAsync(id) : null;
        var view = PublicOrderView.From(order, driver, await Store.GetHistoryAsync(order.Id));
        return Render<TrackingPage>(parameters => parameters
            .Add(page => page.View, view)
            .Add(page => page.Now, now ?? Clock.GetUtcNow()));
    }
}
