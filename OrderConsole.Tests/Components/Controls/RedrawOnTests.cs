using Bunit;
using Microsoft.AspNetCore.Components;
using OrderConsole.Components.Controls;

namespace OrderConsole.Tests.Components.Controls;

/// <summary>The wrapper a live page puts around a heavy part: its content is drawn again only when its version moves on.</summary>
public sealed class RedrawOnTests : ControlTestContext
{
    private string _words = "first";

    [Fact]
    public void The_same_version_keeps_what_was_drawn_although_the_page_changed()
    {
        var part = RenderPart(version: 1);
        _words = "second";

        part.Render(parameters => parameters.Add(control => control.Version, 1).Add(control => control.ChildContent, Content()));

        Assert.Equal("first", part.Find("p").TextContent);
    }

    [Fact]
    public void A_new_version_draws_the_content_as_the_page_has_it_now()
    {
        var part = RenderPart(version: 1);
        _words = "second";

        part.Render(parameters => parameters.Add(control => control.Version, 2).Add(control => control.ChildContent, Content()));

        Assert.Equal("second", part.Find("p").TextContent);
    }

    private IRenderedComponent<RedrawOn> RenderPart(long version) =>
        Render<RedrawOn>(parameters => parameters.Add(control => control.Version, version).Add(control => control.ChildContent, Content()));

    private RenderFragment Content() => builder =>
    {
        builder.OpenElement(0, "p");
        builder.AddContent(1, _words);
        builder.CloseElement();
    };
}
