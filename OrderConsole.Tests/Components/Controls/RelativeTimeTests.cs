using Bunit;
using OrderConsole.Components.Controls;

namespace OrderConsole.Tests.Components.Controls;

/// <summary>The relative time in bUnit: as people say it, measured from the console's clock, with the exact moment on hover.</summary>
public sealed class RelativeTimeTests : ControlTestContext
{
    [Theory]
    [InlineData(-5, "5 min ago")]
    [InlineData(10, "in 10 min")]
    [InlineData(-0.5, "just now")]
    [InlineData(-180, "3 h ago")]
    [InlineData(-(60 * 24 * 3), "3 days ago")]
    public void A_moment_reads_as_people_say_it(double minutesFromNow, string text)
    {
        var time = RenderTime(Start.AddMinutes(minutesFromNow));

        Assert.Equal(text, time.Find("time").TextContent);
    }

    [Fact]
    public void As_the_clock_moves_on_the_next_render_reads_the_new_distance()
    {
        var time = RenderTime(Start);
        Assert.Equal("just now", time.Find("time").TextContent);

        Clock.Advance(TimeSpan.FromMinutes(7));
        time.Render(_ => { });
        Assert.Equal("7 min ago", time.Find("time").TextContent);

        Clock.Advance(TimeSpan.FromHours(2));
        time.Render(_ => { });
        Assert.Equal("2 h ago", time.Find("time").TextContent);
    }

    [Fact]
    public void A_moment_to_come_counts_down_as_the_clock_moves()
    {
        var time = RenderTime(Start.AddMinutes(20));

        Clock.Advance(TimeSpan.FromMinutes(15));
        time.Render(_ => { });

        Assert.Equal("in 5 min", time.Find("time").TextContent);
    }

    [Fact]
    public void The_element_carries_the_exact_moment_for_machines_and_in_UTC_on_hover_outside_a_layout()
    {
        var element = RenderTime(new DateTimeOffset(2025, 3, 1, 11, 55, 0, TimeSpan.Zero)).Find("time");

        Assert.Equal("2025-03-01T11:55:00.0000000+00:00", element.GetAttribute("datetime"));
        Assert.Equal("2025-03-01 11:55:00 UTC", element.GetAttribute("title"));
        Assert.Equal("5 min ago", element.TextContent);
    }

    [Fact]
    public void A_moment_given_with_an_offset_is_titled_with_its_UTC_moment()
    {
        var element = RenderTime(new DateTimeOffset(2025, 3, 1, 13, 55, 0, TimeSpan.FromHours(2))).Find("time");

        Assert.Equal("2025-03-01 11:55:00 UTC", element.GetAttribute("title"));
    }

    [Fact]
    public void On_hover_the_exact_moment_is_on_the_viewers_clock_and_names_their_zone()
    {
        var element = RenderFor<RelativeTime>(Rome, parameters => parameters.Add(control => control.At, Start.AddMinutes(-5))).Find("time");

        Assert.Equal("2025-03-01 12:55:00 (Europe/Rome)", element.GetAttribute("title"));
    }

    [Fact]
    public void A_pinned_now_wins_over_the_clock()
    {
        var time = Render<RelativeTime>(parameters => parameters
            .Add(control => control.At, Start)
            .Add(control => control.Now, Start.AddMinutes(30)));

        Clock.Advance(TimeSpan.FromHours(5));
        time.Render(_ => { });

        Assert.Equal("30 min ago", time.Find("time").TextContent);
    }

    [Fact]
    public void Without_a_moment_nothing_is_shown()
    {
        var time = RenderTime(null);

        Assert.Empty(time.FindAll("time"));
        Assert.Equal(string.Empty, time.Markup.Trim());
    }

    private IRenderedComponent<RelativeTime> RenderTime(DateTimeOffset? at) =>
        Render<RelativeTime>(parameters => parameters.Add(control => control.At, at));
}
