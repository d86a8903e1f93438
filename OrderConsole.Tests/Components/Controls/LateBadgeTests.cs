using Bunit;
using OrderConsole.Components.Controls;
using OrderConsole.Core.Orders;
using OrderConsole.Tests.Support;

namespace OrderConsole.Tests.Components.Controls;

/// <summary>The late badge in bUnit: it appears once an open order passes its estimated arrival, and says by how much.</summary>
public sealed class LateBadgeTests : ControlTestContext
{
    // Accepted at noon with a 30-minute estimate: due at 12:30 UTC.
    private static readonly Order s_dueAtHalfPast = OrderChanges.AcceptBySupplier(Samples.NewOrder(), notes: null, 30, Start);

    [Fact]
    public void An_order_on_time_has_no_badge()
    {
        var badge = RenderBadge(s_dueAtHalfPast, Start.AddMinutes(29));

        Assert.Empty(badge.FindAll(".late-badge"));
    }

    [Fact]
    public void Once_the_estimate_passes_the_badge_appears_and_grows_with_the_delay()
    {
        var badge = RenderBadge(s_dueAtHalfPast, Start.AddMinutes(29));

        badge.Render(parameters => parameters.Add(control => control.Now, Start.AddMinutes(42)));
        Assert.Equal("late by 12 min", badge.Find(".late-badge").TextContent);

        badge.Render(parameters => parameters.Add(control => control.Now, Start.AddMinutes(95)));
        Assert.Equal("late by 1 h 05 min", badge.Find(".late-badge").TextContent);
    }

    [Fact]
    public void The_badge_says_when_the_order_was_due_in_UTC_outside_a_layout()
    {
        var badge = RenderBadge(s_dueAtHalfPast, Start.AddMinutes(42));

        Assert.Equal("Estimated arrival was 12:30 UTC", badge.Find(".late-badge").GetAttribute("title"));
    }

    [Fact]
    public void The_badge_says_when_the_order_was_due_on_the_viewers_clock()
    {
        var badge = RenderFor<LateBadge>(Rome, parameters => parameters
            .Add(control => control.Order, s_dueAtHalfPast)
            .Add(control => control.Now, Start.AddMinutes(42))
            .Add(control => control.Threshold, TimeSpan.Zero));

        Assert.Equal("Estimated arrival was 13:30", badge.Find(".late-badge").GetAttribute("title"));
    }

    [Fact]
    public void A_late_order_that_is_delivered_loses_its_badge()
    {
        var badge = RenderBadge(s_dueAtHalfPast, Start.AddHours(2));
        Assert.Single(badge.FindAll(".late-badge"));

        badge.Render(parameters => parameters.Add(control => control.Order, s_dueAtHalfPast with { Status = OrderStatus.Delivered }));

        Assert.Empty(badge.FindAll(".late-badge"));
    }

    [Theory]
    [InlineData(0.5, "late by 1 min")]
    [InlineData(59.9, "late by 59 min")]
    [InlineData(65, "late by 1 h 05 min")]
    public void Lateness_reads_in_minutes_then_hours(double minutes, string text)
    {
        var badge = RenderBadge(s_dueAtHalfPast, Start.AddMinutes(30 + minutes));

        Assert.Equal(text, badge.Find(".late-badge").TextContent);
    }

    [Fact]
    public void Within_the_late_threshold_an_order_past_its_estimate_has_no_badge()
    {
        var badge = RenderBadge(s_dueAtHalfPast, Start.AddMinutes(39), threshold: TimeSpan.FromMinutes(10));

        Assert.Empty(badge.FindAll(".late-badge"));
    }

    [Fact]
    public void Past_the_late_threshold_the_badge_counts_from_the_estimate()
    {
        var badge = RenderBadge(s_dueAtHalfPast, Start.AddMinutes(41), threshold: TimeSpan.FromMinutes(10));

        Assert.Equal("late by 11 min", badge.Find(".late-badge").TextContent);
    }

    private IRenderedComponent<LateBadge> RenderBadge(Order order, DateTimeOffset now, TimeSpan threshold = default) =>
        Render<LateBadge>(parameters => parameters
            .Add(control => control.Order, order)
            .Add(control => control.Now, now)
            .Add(control => control.Threshold, threshold));
}
