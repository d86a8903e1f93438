using Bunit;
using OrderConsole.Components.Controls;

namespace OrderConsole.Tests.Components.Controls;

/// <summary>The dashboard's bar chart in bUnit: a named picture, its numbers in a table, and a word when there is nothing to chart.</summary>
public sealed class FigureChartTests : ControlTestContext
{
    private static readonly IReadOnlyList<ChartPoint> s_byStatus = [new("ready", 2, "2"), new("in transit", 1, "1")];

    [Fact]
    public void A_chart_is_an_image_named_by_its_title_with_its_numbers_in_a_table()
    {
        var chart = RenderChart(s_byStatus);

        Assert.Equal("Orders by status", chart.Find("[role=img]").GetAttribute("aria-label"));
        Assert.Equal("Orders by status", chart.Find("table caption").TextContent);
        Assert.Equal(["Status", "Orders"], chart.FindAll("thead th").Select(cell => cell.TextContent));
        Assert.Equal([("ready", "2"), ("in transit", "1")], Rows(chart));
    }

    [Fact]
    public void With_only_zeros_the_chart_says_there_is_nothing_yet_and_the_table_keeps_the_zeros()
    {
        var chart = RenderChart([new("ready", 0, "0")]);

        Assert.Empty(chart.FindAll("[role=img]"));
        Assert.Equal("No orders yet.", chart.Find("p.empty").TextContent);
        Assert.Equal([("ready", "0")], Rows(chart));
    }

    [Fact]
    public void A_new_list_of_points_redraws_the_chart()
    {
        var chart = RenderChart(s_byStatus);

        chart.Render(parameters => parameters.Add(control => control.Points, [new ChartPoint("ready", 3, "3")]));

        Assert.Equal([("ready", "3")], Rows(chart));
    }

    [Fact]
    public void The_same_list_handed_again_does_not_redraw_even_if_changed_in_place()
    {
        var points = new List<ChartPoint>(s_byStatus);
        var chart = RenderChart(points);

        points.Add(new ChartPoint("delivered", 5, "5"));
        chart.Render(parameters => parameters.Add(control => control.Points, points));

        Assert.Equal([("ready", "2"), ("in transit", "1")], Rows(chart));
    }

    private IRenderedComponent<FigureChart> RenderChart(IReadOnlyList<ChartPoint> points) =>
        Render<FigureChart>(parameters => parameters
            .Add(control => control.Title, "Orders by status")
            .Add(control => control.Points, points)
            .Add(control => control.CategoryTitle, "Status")
            .Add(control => control.ValueTitle, "Orders")
            .Add(control => control.EmptyText, "No orders yet."));

    private static List<(string Label, string Text)> Rows(IRenderedComponent<FigureChart> chart) =>
        [.. chart.FindAll("tbody tr").Select(row => (row.QuerySelector("th")!.TextContent, row.QuerySelector("td")!.TextContent))];
}
