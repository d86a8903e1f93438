using OrderConsole.Components.Pages;
using OrderConsole.Core.Orders;
using OrderConsole.Tests.Support;

namespace OrderConsole.Tests.Components.Pages;

/// <summary>The All orders filters as the page's address carries them, and the pages the grid cuts from the matches.</summary>
public sealed class OrderFiltersTests
{
    [Fact]
    public void Filters_survive_the_round_trip_through_the_address()
    {
        var filters = new OrderFilters
        {
            Text = "Maya", Statuses = new HashSet<OrderStatus> { OrderStatus.Ready, OrderStatus.Cancelled }, SupplierId = "luigis",
            DriverId = "drv-ana", CreatedFrom = new DateOnly(2025, 3, 1), CreatedTo = new DateOnly(2025, 3, 7),
        };

        var address = filters.ToAddress("orders");
        var back = OrderFilters.FromQuery(new Uri(new Uri("http://console.test/"), address).Query);

        Assert.Equal("orders?q=Maya&status=ready,cancelled&supplier_id=luigis&driver_id=drv-ana&created_from=2025-03-01&created_to=2025-03-07", Uri.UnescapeDataString(address));
        Assert.Equal(filters.ToQuery(), back.ToQuery());
    }

    [Fact]
    public void The_export_address_carries_the_same_filters_as_the_page()
    {
        var filters = new OrderFilters { Text = "Napoli", Statuses = new HashSet<OrderStatus> { OrderStatus.Ready } };

        Assert.Equal("api/orders.csv?q=Napoli&status=ready", filters.ToAddress("api/orders.csv"));
    }

    [Fact]
    public void Values_that_make_no_sense_in_an_address_are_left_out()
    {
        var filters = OrderFilters.FromQuery("?status=ready,teleported&created_from=yesterday");

        Assert.Equal([OrderStatus.Ready], filters.Statuses);
        Assert.Null(filters.CreatedFrom);
    }

    [Fact]
    public void A_last_day_before_the_first_is_named_and_not_applied()
    {
        var filters = new OrderFilters { CreatedFrom = new DateOnly(2025, 3, 7), CreatedTo = new DateOnly(2025, 3, 1) };

        Assert.Equal("The last day (2025-03-01) is before the first (2025-03-07); pick a later day.", filters.RangeProblem);
        Assert.Null(filters.ToSearch(TimeZoneInfo.Utc).CreatedTo);
    }

    [Fact]
    public void The_grid_cuts_the_page_it_asks_for_and_counts_every_match()
    {
        IReadOnlyList<Order> matching = [.. Enumerable.Range(0, 45).Select(index => Samples.NewOrder() with { SupplierTrackingId = $"LUI-{index}" })];

        var third = OrderPage.Of(matching, sort: null, page: 2, pageSize: 20);

        Assert.Equal(45, third.Total);
        Assert.Equal(["LUI-40", "LUI-41", "LUI-42", "LUI-43", "LUI-44"], third.Items.Select(order => order.SupplierTrackingId));
    }
}
