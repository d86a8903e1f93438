using Bunit;
using OrderConsole.Components.Account;
using OrderConsole.Tests.Components.Controls;
using OrderConsole.Tests.Components.Pages;

namespace OrderConsole.Tests.Components.Account;

/// <summary>The page a signed-in person meets when their roles do not include the page they asked for.</summary>
public sealed class DeniedPageTests : ControlTestContext
{
    [Fact]
    public void The_page_says_in_words_that_the_persons_roles_do_not_include_that_page()
    {
        var page = Render<Denied>();

        Assert.Equal("Not your desk", page.Find("h1").Text());
        Assert.Contains("Your roles do not include that page.", page.Find("p").Text(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_page_offers_a_way_back_to_the_pages_the_person_can_use()
    {
        var page = Render<Denied>();

        var link = page.FindAll("a").Single(anchor => anchor.Text() == "Go to the pages you can use");
        Assert.Equal("/", link.GetAttribute("href"));
    }
}
