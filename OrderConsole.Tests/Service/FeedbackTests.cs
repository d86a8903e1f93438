using OrderConsole.Core.Events;
using OrderConsole.Core.Orders;
using OrderConsole.Core.Service;
using OrderConsole.Tests.Support;

namespace OrderConsole.Tests.Service;

/// <summary>Customer feedback through the order service: by the tracking link, after delivery, once, 1–5 stars.</summary>
public sealed class FeedbackTests
{
    [Fact]
    public async Task The_link_holder_rates_a_delivered_order_with_stars_and_a_comment()
    {
        var market = await Marketplace.OpenAsync();
        var delivered = await DeliveredAsync(market);

        var rated = await market.Orders.GiveFeedbackAsync(delivered.TrackingToken, 4, "  Warm and quick  ");

        Assert.Equal((OrderStatus.Delivered, 4, "Warm and quick", market.Clock.GetUtcNow()), (rated.Status, rated.Feedback!.Stars, rated.Feedback.Comment, rated.Feedback.GivenAt));
        var history = await market.Orders.GetHistoryAsync(Marketplace.Admin, delivered.Id);
        Assert.Equal((OrderEventTypes.FeedbackGiven, OrderService.FeedbackActor), (history[^1].EventType, history[^1].Actor));
    }

    [Fact]
    public async Task A_blank_comment_is_no_comment()
    {
        var market = await Marketplace.OpenAsync();
        var delivered = await DeliveredAsync(market);

        var rated = await market.Orders.GiveFeedbackAsync(delivered.TrackingToken, 5, "   ");

        Assert.Null(rated.Feedback!.Comment);
    }

    [Fact]
    public async Task Feedback_can_be_given_only_once()
    {
        var market = await Marketplace.OpenAsync();
        var delivered = await DeliveredAsync(market);
        await market.Orders.GiveFeedbackAsync(delivered.TrackingToken, 5, "Perfect");

        var error = await Assert.ThrowsAsync<OrderConflictException>(() => market.Orders.GiveFeedbackAsync(delivered.TrackingToken, 1, "Changed my mind"));

        Assert.Equal($"feedback for order {delivered.SupplierTrackingId} was already given; thank you", error.Message);
        Assert.Equal((5, "Perfect"), ((await market.Store.GetAsync(delivered.Id))!.Feedback!.Stars, (await market.Store.GetAsync(delivered.Id))!.Feedback!.Comment));
    }

    [Fact]
    public async Task Of_two_ratings_racing_exactly_one_is_kept()
    {
        var market = await Marketplace.OpenAsync();
        var delivered = await DeliveredAsync(market);

        var attempts = await Task.WhenAll(Enumerable.Range(1, 5).Select(stars => Attempt(() => market.Orders.GiveFeedbackAsync(delivered.TrackingToken, stars, null))));

        Assert.Equal(1, attempts.Count(succeeded => succeeded));
        var history = await market.Orders.GetHistoryAsync(Marketplace.Admin, delivered.Id);
        Assert.Single(history, change => change.EventType == OrderEventTypes.FeedbackGiven);
    }

    [Fact]
    public async Task An_order_not_yet_delivered_cannot_be_rated()
    {
        var market = await Marketplace.OpenAsync();
        var order = await market.OrderInStatusAsync(OrderStatus.InTransit);

        var error = await Assert.ThrowsAsync<OrderConflictException>(() => market.Orders.GiveFeedbackAsync(order.TrackingToken, 5, null));

        Assert.Equal($"order {order.SupplierTrackingId} is not delivered yet; feedback can be given once it is", error.Message);
        Assert.Null((await market.Store.GetAsync(order.Id))!.Feedback);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(0)]
    [InlineData(6)]
    public async Task A_rating_outside_one_to_five_stars_is_refused_naming_the_stars(int? stars)
    {
        var market = await Marketplace.OpenAsync();
        var delivered = await DeliveredAsync(market);

        var error = await Assert.ThrowsAsync<OrderValidationException>(() => market.Orders.GiveFeedbackAsync(delivered.TrackingToken, stars, null));

        Assert.Equal(("stars", "choose a rating from 1 to 5 stars"), (error.Field, error.Message));
        Assert.Null((await market.Store.GetAsync(delivered.Id))!.Feedback);
    }

    [Fact]
    public async Task A_comment_over_500_characters_is_refused_naming_the_comment()
    {
        var market = await Marketplace.OpenAsync();
        var delivered = await DeliveredAsync(market);

        var error = await Assert.ThrowsAsync<OrderValidationException>(() => market.Orders.GiveFeedbackAsync(delivered.TrackingToken, 3, new string('x', 501)));

        Assert.Equal(("comment", "keep the comment to 500 characters; it has 501"), (error.Field, error.Message));
    }

    [Fact]
    public async Task An_unknown_tracking_link_rates_nothing()
    {
        var market = await Marketplace.OpenAsync();

        await Assert.ThrowsAsync<OrderNotFoundException>(() => market.Orders.GiveFeedbackAsync("not-a-real-token", 5, null));
    }

    [Fact]
    public async Task No_status_command_can_move_a_delivered_order_again()
    {
        var market = await Marketplace.OpenAsync();
        var delivered = await DeliveredAsync(market);

        await Assert.ThrowsAsync<IllegalTransitionException>(() => market.Orders.AdvanceAsync(Marketplace.Admin, delivered.Id, OrderStatus.Delivered));
    }

    private static Task<Order> DeliveredAsync(Marketplace market) => market.OrderInStatusAsync(OrderStatus.Delivered);

    private static async Task<bool> Attempt(Func<Task> rate)
    {
        try
        {
            await rate();
            return true;
        }
        catch (OrderConflictException)
        {
            return false;
        }
    }
}
