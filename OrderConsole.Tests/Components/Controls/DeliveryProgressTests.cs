using Bunit;
using OrderConsole.Components.Controls;
using OrderConsole.Core.Orders;

namespace OrderConsole.Tests.Components.Controls;

/// <summary>The delivery progress bar in bUnit: how far a delivery has come, for eyes and for screen readers.</summary>
public sealed class DeliveryProgressTests : ControlTestContext
{
    [Theory]
    [InlineData(OrderStatus.Ready, 0)]
    [InlineData(OrderStatus.Dispatched, 33)]
    [InlineData(OrderStatus.InTransit, 66)]
    [InlineData(OrderStatus.Delivered, 100)]
    [InlineData(OrderStatus.Cancelled, 0)]
    public void The_bar_stands_at_0_33_66_or_100_percent(OrderStatus status, int percent)
    {
        var progress = RenderProgress(status);

        var bar = progress.Find("[role=progressbar]");
        Assert.Equal("Delivery progress", bar.GetAttribute("aria-label"));
        Assert.Equal(percent.ToString(System.Globalization.CultureInfo.InvariantCulture), bar.GetAttribute("aria-valuenow"));
        Assert.Equal($"width: {percent}%", progress.Find(".delivery-progress-bar").GetAttribute("style"));
        Assert.Equal($"{percent} %", progress.Find(".delivery-progress-value").TextContent);
    }

    [Fact]
    public void Screen_readers_hear_the_stage_in_words()
    {
        Assert.Equal("66 % — in transit", RenderProgress(OrderStatus.InTransit).Find("[role=progressbar]").GetAttribute("aria-valuetext"));
        Assert.Equal("0 % — not yet dispatched", RenderProgress(OrderStatus.Preparing).Find("[role=progressbar]").GetAttribute("aria-valuetext"));
    }

    [Fact]
    public void As_the_driver_picks_up_and_delivers_the_bar_moves_on()
    {
        var progress = RenderProgress(OrderStatus.Dispatched);

        progress.Render(parameters => parameters.Add(control => control.Status, OrderStatus.InTransit));
        Assert.Equal("66", progress.Find("[role=progressbar]").GetAttribute("aria-valuenow"));

        progress.Render(parameters => parameters.Add(control => control.Status, OrderStatus.Delivered));
        Assert.Equal("100 % — delivered", progress.Find("[role=progressbar]").GetAttribute("aria-valuetext"));
    }

    private IRenderedComponent<DeliveryProgress> RenderProgress(OrderStatus status) =>
        Render<DeliveryProgress>(parameters => parameters.Add(control => control.Status, status));
}
