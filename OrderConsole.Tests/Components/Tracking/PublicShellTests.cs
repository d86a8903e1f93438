using Bunit;
using Microsoft.AspNetCore.Components;
using OrderConsole.Components.Tracking;
using OrderConsole.Tests.Components.Controls;
using OrderConsole.Tests.Components.Pages;

namespace OrderConsole.Tests.Components.Tracking;

/// <summary>The document around the public tracking pages: the secret link stays private, and the page keeps itself current.</summary>
public sealed class PublicShellTests : ControlTestContext
{
    private static readonly RenderFragment s_content = builder => builder.AddMarkupContent(0, "<h1>On the way</h1>");

    [Fact]
    public void The_tracking_content_is_shown_in_the_main_region_under_an_order_tracking_bar()
    {
        var shell = Shell();

        Assert.Equal("On the way", shell.Find("main h1").Text());
        Assert.Equal("Order tracking", shell.Find("header").Text());
    }

    [Fact]
    public void The_browser_tab_shows_the_given_title()
    {
        var shell = Shell();

        Assert.Equal("On the way · Order tracking", shell.Find("title").Text());
    }

    [Fact]
    public void The_tracking_link_is_not_sent_on_as_a_referrer()
    {
        var shell = Shell();

        Assert.Equal("no-referrer", shell.Find("meta[name=referrer]").GetAttribute("content"));
    }

    [Fact]
    public void Search_engines_are_asked_not_to_index_the_page_or_follow_its_links()
    {
        var shell = Shell();

        Assert.Equal("noindex, nofollow", shell.Find("meta[name=robots]").GetAttribute("content"));
    }

    [Fact]
    public void The_page_offers_no_staff_navigation_or_sign_in()
    {
        var shell = Shell(script: true, refresh: true);

        Assert.Empty(shell.FindAll("nav"));
        Assert.Empty(shell.FindAll("a"));
        Assert.Empty(shell.FindAll("form"));
    }

    [Fact]
    public void An_order_that_can_still_change_reloads_every_30_seconds_when_scripts_are_off()
    {
        var shell = Shell(refresh: true);

        Assert.Equal("30", shell.Find("noscript meta[http-equiv=refresh]").GetAttribute("content"));
    }

    [Fact]
    public void A_finished_order_does_not_reload()
    {
        var shell = Shell(refresh: false);

        Assert.Empty(shell.FindAll("meta[http-equiv=refresh]"));
    }

    [Fact]
    public void The_live_tracking_script_is_loaded_only_when_asked_for()
    {
        Assert.Equal("/js/track.js", Shell(script: true).Find("script").GetAttribute("src"));
        Assert.Empty(Shell(script: false).FindAll("script"));
    }

    private IRenderedComponent<PublicShell> Shell(bool script = false, bool refresh = false) =>
        Render<PublicShell>(parameters => parameters
            .Add(shell => shell.Title, "On the way · Order tracking")
            .Add(shell => shell.Script, script)
            .Add(shell => shell.RefreshWithoutScript, refresh)
            .AddChildContent(s_content));
}
