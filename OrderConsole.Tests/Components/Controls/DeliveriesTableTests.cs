using Bunit;
using OrderConsole.Components.Controls;
using OrderConsole.Core.Live;
using OrderConsole.Core.Orders;
using OrderConsole.Tests.Components.Pages;
using OrderConsole.Tests.Support;

namespace OrderConsole.Tests.Components.Controls;

/// <summary>The dashboard's deliveries under way: ten to a page, drawn again when the dashboard says they changed.</summary>
public sealed class DeliveriesTableTests : ControlTestContext
{
    [Fact]
    public void A_delivery_shows_its_code_driver_status_and_times()
    {
        var table = RenderTable([Delivery("LUI-1", "Ana Lopez", dispatchedMinutesAgo: 5, etaInMinutes: 20)], version: 1);

        Assert.Equal("LUI-1 Ana Lopez in transit 5 min ago in 20 min", Assert.Single(table.RowsWith("LUI-1")).Text());
    }

    [Fact]
    public void Deliveries_past_the_tenth_are_on_the_next_page()
    {
        var table = RenderTable(Deliveries(12), version: 1);

        Assert.Equal(10, table.FindAll("tbody tr").Count);
        Assert.Equal("1–10 of 12", table.Find("nav.pager span").TextContent);

        table.FindAll("nav.pager button").Single(button => button.TextContent == "Next").Click();

        Assert.Equal(["LUI-11", "LUI-12"], Codes(table));
        Assert.Equal("11–12 of 12", table.Find("nav.pager span").TextContent);
    }

    [Fact]
    public void Ten_deliveries_or_fewer_need_no_pager()
    {
        var table = RenderTable(Deliveries(10), version: 1);

        Assert.Empty(table.FindAll("nav.pager"));
    }

    [Fact]
    public void The_same_version_keeps_the_table_as_drawn()
    {
        var table = RenderTable(Deliveries(2), version: 1);

        table.Render(parameters => parameters.Add(control => control.Deliveries, Deliveries(3)).Add(control => control.Version, 1));

        Assert.Equal(["LUI-1", "LUI-2"], Codes(table));
    }

    [Fact]
    public void A_new_version_draws_the_deliveries_as_they_are_now()
    {
        var table = RenderTable(Deliveries(2), version: 1);

        table.Render(parameters => parameters.Add(control => control.Deliveries, Deliveries(3)).Add(control => control.Version, 2));

        Assert.Equal(["LUI-1", "LUI-2", "LUI-3"], Codes(table));
    }

    [Fact]
    public void A_page_left_empty_when_deliveries_end_shows_the_last_page()
    {
        var table = RenderTable(Deliveries(12), version: 1);
        table.FindAll("nav.pager button").Single(button => button.TextContent == "Next").Click();

        table.Render(parameters => parameters.Add(control => control.Deliveries, Deliveries(5)).Add(control => control.Version, 2));

        Assert.Equal(["LUI-1", "LUI-2", "LUI-3", "LUI-4", "LUI-5"], Codes(table));
        Assert.Empty(table.FindAll("nav.pager"));
    }

    [Fact]
    public void No_delivery_under_way_says_so()
    {
        var table = RenderTable([], version: 1);

        Assert.Equal("No delivery is under way.", table.Find("p.empty").TextContent);
    }

    private IRenderedComponent<DeliveriesTable> RenderTable(IReadOnlyList<ActiveDelivery> deliveries, long version) =>
        Render<DeliveriesTable>(parameters => parameters.Add(control => control.Deliveries, deliveries).Add(control => control.Version, version));

    private static string[] Codes(IRenderedComponent<DeliveriesTable> table) =>
        [.. table.FindAll("tbody tr td:first-child a").Select(link => link.TextContent)];

    private static ActiveDelivery[] Deliveries(int count) =>
        [.. Enumerable.Range(1, count).Select(number => Delivery($"LUI-{number}", "Ana Lopez", dispatchedMinutesAgo: 5, etaInMinutes: null))];

    private static ActiveDelivery Delivery(string code, string driver, int dispatchedMinutesAgo, int? etaInMinutes) =>
        new(Samples.InStatus(OrderStatus.InTransit) with
        {
            SupplierTrackingId = code,
            DriverName = driver,
            DispatchedAt = Start.AddMinutes(-dispatchedMinutesAgo),
            // The ETA is the supplier's promise: minutes from their answer, here given at the start.
            SupplierRespondedAt = Start,
            EstimatedDeliveryTime = etaInMinutes,
        }, Driver: null);
}
