using Bunit;
using OrderConsole.Components.Controls;
using OrderConsole.Core.Drivers;
using OrderConsole.Tests.Support;

namespace OrderConsole.Tests.Components.Controls;

/// <summary>The dispatch desk's driver list in bUnit: each driver with their status in words and their distance to the pickup.</summary>
public sealed class DriverLineupListTests : ControlTestContext
{
    [Fact]
    public void Each_driver_is_listed_with_distance_to_one_decimal_and_status()
    {
        var list = RenderList([new(Samples.Ana, 1.23), new(Samples.Ben with { Status = DriverStatus.Busy }, 12.96)]);

        Assert.Equal([("Ana Lopez", "1.2 km", "available"), ("Ben Okafor", "13.0 km", "busy")], Entries(list));
        Assert.Equal("Drivers", list.Find("ul").GetAttribute("aria-label"));
    }

    [Fact]
    public void A_driver_whose_position_is_unknown_is_listed_with_status_only()
    {
        var list = RenderList([new(Samples.Ana with { Status = DriverStatus.OnBreak }, null)]);

        Assert.Equal([("Ana Lopez", null, "on break")], Entries(list));
    }

    [Fact]
    public void When_a_driver_takes_a_delivery_their_entry_changes_and_the_list_follows_the_new_order()
    {
        var list = RenderList([new(Samples.Ana, 1.2), new(Samples.Ben, 3.4)]);

        list.Render(parameters => parameters.Add(control => control.Drivers, [new(Samples.Ben, 3.4), new(Samples.Ana with { Status = DriverStatus.Busy }, 0.4)]));

        Assert.Equal([("Ben Okafor", "3.4 km", "available"), ("Ana Lopez", "0.4 km", "busy")], Entries(list));
    }

    [Fact]
    public void With_no_drivers_the_list_is_empty()
    {
        var list = RenderList([]);

        Assert.Empty(list.FindAll("li"));
    }

    private IRenderedComponent<DriverLineupList> RenderList(IReadOnlyList<DriverToPickup> drivers) =>
        Render<DriverLineupList>(parameters => parameters.Add(control => control.Drivers, drivers));

    private static List<(string Name, string? Distance, string Status)> Entries(IRenderedComponent<DriverLineupList> list) =>
        [.. list.FindAll("li").Select(entry => (
            entry.QuerySelector(".driver-name")!.TextContent,
            entry.QuerySelector(".driver-distance")?.TextContent,
            entry.QuerySelector(".driver-status")!.TextContent))];
}
