using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using OrderConsole.Components.Layout;
using OrderConsole.Components.Pages;
using OrderConsole.Core.Orders;

namespace OrderConsole.Tests.Components.Pages;

/// <summary>The layout and the start page in bUnit: the desks each person may use, the connection indicator, and landing on one's desk.</summary>
public sealed class LayoutAndHomeTests : ConsoleTestContext
{
    [Theory]
    [InlineData(Role.Supplier, "/supplier")]
    [InlineData(Role.Customer, "/customer")]
    [InlineData(Role.Dispatcher, "/dispatch")]
    [InlineData(Role.Driver, "/driver")]
    [InlineData(Role.Admin, "/dashboard")]
    public void The_start_page_sends_each_person_to_their_desk(Role role, string desk)
    {
        SignIn("someone", role);
        var navigation = Services.GetRequiredService<NavigationManager>();

        Render<Home>();

        Assert.Equal(desk, "/" + navigation.ToBaseRelativePath(navigation.Uri));
    }

    [Fact]
    public void The_admins_navigation_shows_every_desk()
    {
        SignIn("admin", Role.Admin);

        var layout = RenderLayout();

        Assert.Equal(["Dashboard", "Supplier", "Customer", "Dispatch", "All orders", "Driver", "Suppliers", "Drivers", "Users", "Settings", "Webhooks"], DeskLinks(layout));
    }

    [Fact]
    public void A_dispatchers_navigation_shows_only_their_desks()
    {
        SignIn("dispatcher", Role.Dispatcher);

        var layout = RenderLayout();

        Assert.Equal(["Dispatch", "All orders"], DeskLinks(layout));
    }

    [Fact]
    public void The_desk_of_the_page_open_is_marked_as_the_current_page()
    {
        SignIn("dispatcher", Role.Dispatcher);
        Services.GetRequiredService<NavigationManager>().NavigateTo("/orders?status=ready");

        var layout = RenderLayout();

        Assert.Equal("All orders", CurrentDesk(layout));
    }

    [Fact]
    public void Going_to_another_desk_moves_the_mark()
    {
        SignIn("dispatcher", Role.Dispatcher);
        var navigation = Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo("/orders");
        var layout = RenderLayout();

        navigation.NavigateTo("/dispatch");

        layout.WaitForAssertion(() => Assert.Equal("Dispatch", CurrentDesk(layout)));
        Assert.Single(layout.FindAll("nav[aria-label=Desks] a[aria-current]"));
    }

    [Theory]
    [InlineData("admin/suppliers/7", "Suppliers")]
    [InlineData("orders#top", "All orders")]
    [InlineData("dashboard", "Dashboard")]
    public void A_page_under_a_desks_address_belongs_to_that_desk(string path, string desk) =>
        Assert.Equal(desk, DeskNav.CurrentDesk(path)?.Title);

    [Theory]
    [InlineData("ordersheet")]
    [InlineData("tracker/2f1c")]
    [InlineData("")]
    public void A_page_outside_every_desk_marks_none(string path) => Assert.Null(DeskNav.CurrentDesk(path));

    [Fact]
    public void The_indicator_says_live_while_the_store_feed_is_read_and_has_a_place_for_the_circuits_state()
    {
        SignIn("dispatcher", Role.Dispatcher);

        var layout = RenderLayout();

        var indicator = layout.Find("[role=status][aria-label=Connection]");
        Assert.Equal("Live", indicator.QuerySelector(".connection-server")!.TextContent);
        Assert.Equal(string.Empty, indicator.QuerySelector("#connection-circuit")!.TextContent);
    }

    [Fact]
    public void The_reconnect_display_the_framework_looks_for_is_in_the_layout_closed()
    {
        SignIn("dispatcher", Role.Dispatcher);

        var layout = RenderLayout();

        var dialog = layout.Find("dialog#components-reconnect-modal");
        Assert.False(dialog.HasAttribute("open"));
    }

    [Fact]
    public void The_store_banner_sits_inside_the_main_landmark()
    {
        SignIn("dispatcher", Role.Dispatcher);

        var layout = RenderLayout();

        Assert.Contains("Running on the embedded in-memory store", layout.Find("main").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void The_theme_toggle_switches_to_dark_and_back()
    {
        SignIn("dispatcher", Role.Dispatcher);
        var layout = RenderLayout();

        layout.Find("button[aria-label='Dark theme']").Click();

        Assert.Single(layout.FindAll("button[aria-label='Light theme']"));
    }

    private IRenderedComponent<MainLayout> RenderLayout()
    {
        Renderer.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        return Render<MainLayout>(parameters => parameters.Add(layout => layout.Body, (RenderFragment)(builder => builder.AddContent(0, "the page"))));
    }

    private static string? CurrentDesk(IRenderedComponent<MainLayout> layout) =>
        layout.FindAll("nav[aria-label=Desks] a[aria-current=page]").SingleOrDefault()?.TextContent.Trim();

    private static string[] DeskLinks(IRenderedComponent<MainLayout> layout) =>
        [.. layout.FindAll("nav[aria-label=Desks] a").Select(link => link.TextContent.Trim())];
}
