using Bunit;
using Microsoft.AspNetCore.Components;
using OrderConsole.Components.Account;
using OrderConsole.Tests.Components.Controls;
using OrderConsole.Tests.Components.Pages;

namespace OrderConsole.Tests.Components.Account;

/// <summary>The plain layout around the sign-in, setup and denied pages: the brand and the page, no staff navigation.</summary>
public sealed class SignInLayoutTests : ControlTestContext
{
    private static readonly RenderFragment s_page = builder => builder.AddMarkupContent(0, "<h1>Sign in</h1>");

    [Fact]
    public void The_page_is_shown_in_the_main_region()
    {
        var layout = Render<SignInLayout>(parameters => parameters.Add(shell => shell.Body, s_page));

        Assert.Equal("Sign in", layout.Find("main h1").Text());
    }

    [Fact]
    public void The_brand_at_the_top_leads_to_the_start_page()
    {
        var layout = Render<SignInLayout>(parameters => parameters.Add(shell => shell.Body, s_page));

        var brand = layout.Find("header a");
        Assert.Equal("OrderConsole", brand.Text());
        Assert.Equal("/", brand.GetAttribute("href"));
    }

    [Fact]
    public void Someone_signing_in_sees_no_staff_navigation()
    {
        var layout = Render<SignInLayout>(parameters => parameters.Add(shell => shell.Body, s_page));

        Assert.Empty(layout.FindAll("nav"));
        Assert.Single(layout.FindAll("a"));
    }
}
