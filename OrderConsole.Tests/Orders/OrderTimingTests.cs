using OrderConsole.Core.Orders;
using OrderConsole.Tests.Support;

namespace OrderConsole.Tests.Orders;

/// <summary>When an order is late: it is still open and its estimated arrival passed more than the late threshold ago.</summary>
public sealed class OrderTimingTests
{
    private static readonly TimeSpan s_noGrace = TimeSpan.Zero;
    private static readonly TimeSpan s_tenMinutes = TimeSpan.FromMinutes(10);
    private readonly ManualClock _clock = new();

    [Fact]
    public void An_open_order_is_late_once_its_estimated_arrival_has_passed()
    {
        var order = PromisedIn(minutes: 30);

        _clock.Advance(TimeSpan.FromMinutes(31));

        Assert.True(OrderTiming.IsLate(order, _clock.GetUtcNow(), s_noGrace));
    }

    [Fact]
    public void An_order_is_not_late_before_its_estimated_arrival()
    {
        var order = PromisedIn(minutes: 30);

        _clock.Advance(TimeSpan.FromMinutes(29));

        Assert.False(OrderTiming.IsLate(order, _clock.GetUtcNow(), s_noGrace));
    }

    [Fact]
    public void An_order_is_not_late_at_the_very_moment_of_its_estimated_arrival()
    {
        var order = PromisedIn(minutes: 30);

        _clock.Advance(TimeSpan.FromMinutes(30));

        Assert.False(OrderTiming.IsLate(order, _clock.GetUtcNow(), s_noGrace));
    }

    [Fact]
    public void An_order_without_an_estimate_is_never_late()
    {
        var order = Samples.NewOrder(at: _clock.GetUtcNow());

        _clock.Advance(TimeSpan.FromDays(2));

        Assert.False(OrderTiming.IsLate(order, _clock.GetUtcNow(), s_noGrace));
    }

    [Theory]
    [InlineData(OrderStatus.Delivered)]
    [InlineData(OrderStatus.Cancelled)]
    public void A_finished_order_is_not_late_however_long_ago_its_estimate_passed(OrderStatus finished)
    {
        var order = PromisedIn(minutes: 30) with { Status = finished };

        _clock.Advance(TimeSpan.FromHours(3));

        Assert.False(OrderTiming.IsLate(order, _clock.GetUtcNow(), s_noGrace));
    }

    [Fact]
    public void A_dispatched_order_past_its_estimate_is_late()
    {
        var order = PromisedIn(minutes: 30) with { Status = OrderStatus.Dispatched };

        _clock.Advance(TimeSpan.FromMinutes(45));

        Assert.True(OrderTiming.IsLate(order, _clock.GetUtcNow(), s_noGrace));
    }

    [Fact]
    public void Lateness_is_the_time_since_the_estimated_arrival()
    {
        var order = PromisedIn(minutes: 30);

        _clock.Advance(TimeSpan.FromMinutes(42));

        Assert.Equal(TimeSpan.FromMinutes(12), OrderTiming.Lateness(order, _clock.GetUtcNow(), s_noGrace));
    }

    [Fact]
    public void An_order_on_time_has_no_lateness()
    {
        Assert.Null(OrderTiming.Lateness(PromisedIn(minutes: 30), _clock.GetUtcNow(), s_noGrace));
    }

    [Fact]
    public void An_order_within_the_late_threshold_is_not_late_yet()
    {
        var order = PromisedIn(minutes: 30);

        _clock.Advance(TimeSpan.FromMinutes(39));

        Assert.False(OrderTiming.IsLate(order, _clock.GetUtcNow(), s_tenMinutes));
    }

    [Fact]
    public void An_order_is_not_late_at_the_very_end_of_the_threshold()
    {
        var order = PromisedIn(minutes: 30);

        _clock.Advance(TimeSpan.FromMinutes(40));

        Assert.False(OrderTiming.IsLate(order, _clock.GetUtcNow(), s_tenMinutes));
    }

    [Fact]
    public void Past_the_threshold_the_lateness_still_counts_from_the_estimated_arrival()
    {
        var order = PromisedIn(minutes: 30);

        _clock.Advance(TimeSpan.FromMinutes(41));

        Assert.Equal(TimeSpan.FromMinutes(11), OrderTiming.Lateness(order, _clock.GetUtcNow(), s_tenMinutes));
    }

    /// <summary>An order the supplier accepted now, promising delivery in <paramref name="minutes"/>.</summary>
    private Order PromisedIn(int minutes) =>
        OrderChanges.AcceptBySupplier(Samples.NewOrder(at: _clock.GetUtcNow()), notes: null, minutes, _clock.GetUtcNow());
}
