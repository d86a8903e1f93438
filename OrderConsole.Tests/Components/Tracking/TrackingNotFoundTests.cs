using Bunit;
using OrderConsole.Components.Tracking;
using OrderConsole.Tests.Components.Controls;
using OrderConsole.Tests.Components.Pages;

namespace OrderConsole.Tests.Components.Tracking;

/// <summary>What a tracking link that leads to no order shows: that, in words, and what to do next.</summary>
public sealed class TrackingNotFoundTests : ControlTestContext
{
    [Fact]
    public void The_page_says_in_words_that_the_order_cannot_be_found()
    {
        var page = Render<TrackingNotFound>();

        Assert.Equal("We can't find this order", page.Find("main h1").Text());
        Assert.Equal("Order not found · Order tracking", page.Find("title").Text());
    }

    [Fact]
    public void The_page_suggests_checking_the_whole_link_was_copied()
    {
        var page = Render<TrackingNotFound>();

        Assert.Contains("Check that the whole link was copied from your confirmation message.", page.Find("main").Text(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_page_sends_the_reader_to_the_shop_who_can_look_the_order_up_by_its_tracking_number()
    {
        var page = Render<TrackingNotFound>();

        Assert.Contains("ask the shop you ordered from", page.Find("main").Text(), StringComparison.Ordinal);
        Assert.Contains("tracking number", page.Find("main").Text(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_link_that_leads_nowhere_does_not_keep_reloading_or_load_the_live_script()
    {
        var page = Render<TrackingNotFound>();

        Assert.Empty(page.FindAll("meta[http-equiv=refresh]"));
        Assert.Empty(page.FindAll("script"));
    }
}
