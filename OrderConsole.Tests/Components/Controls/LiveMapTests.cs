using Bunit;
using OrderConsole.Components.Controls;

namespace OrderConsole.Tests.Components.Controls;

/// <summary>The map control's words: its labelled map region, its legend, and the list of what it shows.</summary>
public sealed class LiveMapTests : ControlTestContext
{
    private static readonly MapMarker s_ana = new("driver:drv-ana", MapMarkerKind.BusyDriver, 40.7128, -74.006, "Ana Lopez, busy with LUI-4");
    private static readonly MapMarker s_pickup = new("pickup:luigis", MapMarkerKind.Pickup, 40.7191, -73.9973, "Pickup at Luigi's Pizzeria for LUI-5");

    [Fact]
    public void The_map_is_a_labelled_region()
    {
        var map = Map([s_ana]);

        Assert.Equal("region", map.Find("[data-live-map]").GetAttribute("role"));
        Assert.Equal("Map of drivers", map.Find("[data-live-map]").GetAttribute("aria-label"));
    }

    [Fact]
    public void Every_marker_is_listed_in_words_with_its_position()
    {
        var map = Map([s_ana, s_pickup]);

        var lines = map.FindAll("[aria-label='Map of drivers: what it shows'] li").Select(line => line.TextContent.Trim()).ToList();
        Assert.Equal(2, lines.Count);
        Assert.Contains("Ana Lopez, busy with LUI-4", lines[0], StringComparison.Ordinal);
        Assert.Contains("40.71280, -74.00600", lines[0], StringComparison.Ordinal);
        Assert.Contains("Pickup at Luigi's Pizzeria for LUI-5", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public void The_legend_names_each_kind_of_marker_in_words()
    {
        var map = Map([], MapMarkerKind.AvailableDriver, MapMarkerKind.DriverOnBreak, MapMarkerKind.Pickup);

        var legend = map.FindAll("[aria-label='Map of drivers: legend'] li").Select(line => line.TextContent.Trim());
        Assert.Equal(["Driver, available", "Driver, on break", "Pickup"], legend);
    }

    [Fact]
    public void A_map_with_nothing_to_show_says_so()
    {
        var map = Map([]);

        Assert.Equal("Nobody has a known position.", map.Find(".live-map-empty").TextContent);
        Assert.Empty(map.FindAll("[aria-label='Map of drivers: what it shows']"));
    }

    private IRenderedComponent<LiveMap> Map(IReadOnlyList<MapMarker> markers, params MapMarkerKind[] legend) =>
        Render<LiveMap>(parameters => parameters
            .Add(map => map.Label, "Map of drivers")
            .Add(map => map.Markers, markers)
            .Add(map => map.Legend, legend.Length == 0 ? [MapMarkerKind.BusyDriver, MapMarkerKind.Pickup] : legend)
            .Add(map => map.EmptyText, "Nobody has a known position."));
}
