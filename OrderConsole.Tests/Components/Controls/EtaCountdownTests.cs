using Bunit;
using OrderConsole.Components.Controls;

namespace OrderConsole.Tests.Components.Controls;

/// <summary>The ETA countdown in bUnit: the time left, ticking with the console's clock, then how long overdue.</summary>
public sealed class EtaCountdownTests : ControlTestContext
{
    [Theory]
    [InlineData(754, "12:34 left")]
    [InlineData(3723, "1:02:03 left")]
    [InlineData(0.4, "0:00 left")]
    [InlineData(0, "overdue by 0:00")]
    [InlineData(-45, "overdue by 0:45")]
    public void The_countdown_shows_the_time_left_or_how_long_overdue(double secondsLeft, string text)
    {
        var timer = RenderCountdown(Start.AddSeconds(secondsLeft)).Find("[role=timer]");

        Assert.Equal("Time to estimated arrival", timer.GetAttribute("aria-label"));
        Assert.Equal(text, timer.TextContent);
    }

    [Fact]
    public void Every_second_of_the_clock_the_countdown_counts_down_by_itself()
    {
        var countdown = RenderCountdown(Start.AddMinutes(2));
        Assert.Equal("2:00 left", countdown.Find("[role=timer]").TextContent);

        Clock.Advance(TimeSpan.FromSeconds(1));
        countdown.WaitForAssertion(() => Assert.Equal("1:59 left", countdown.Find("[role=timer]").TextContent));

        Clock.Advance(TimeSpan.FromSeconds(1));
        countdown.WaitForAssertion(() => Assert.Equal("1:58 left", countdown.Find("[role=timer]").TextContent));
    }

    [Fact]
    public void When_the_moment_passes_the_countdown_turns_overdue_and_keeps_counting()
    {
        var countdown = RenderCountdown(Start.AddSeconds(2));
        Assert.DoesNotContain("overdue", countdown.Find("[role=timer]").ClassList);

        for (var second = 0; second < 5; second++)
        {
            Clock.Advance(TimeSpan.FromSeconds(1));
        }

        countdown.WaitForAssertion(() => Assert.Equal("overdue by 0:03", countdown.Find("[role=timer]").TextContent));
        Assert.Contains("overdue", countdown.Find("[role=timer]").ClassList);
    }

    private IRenderedComponent<EtaCountdown> RenderCountdown(DateTimeOffset until) =>
        Render<EtaCountdown>(parameters => parameters.Add(control => control.Until, until));
}
