using OrderConsole.Core.Orders;
using OrderConsole.Tests.Support;

namespace OrderConsole.Tests.Orders;

/// <summary>The one order search: each searched field, each filter, creation days at the edges of a day in the console's zone, and sorting.</summary>
public sealed class OrderSearchTests
{
    private static readonly TimeZoneInfo s_rome = TimeZoneInfo.FindSystemTimeZoneById("Europe/Rome");

    private static readonly Order s_order = Samples.NewOrder() with
    {
        SupplierTrackingId = "LUI-1042",
        TrackingId = "48213377",
        CustomerName = "Maya Rossi",
        CustomerPhone = "+39 055 123 4567",
        DeliveryAddress = "Via Roma 12, Firenze",
        Items = [new OrderItem("Quattro Formaggi", 2, 9m), new OrderItem("Tiramisu", 1, 4m)],
        DriverId = "drv-ana",
        DriverName = "Ana Lopez",
    };

    [Theory]
    [InlineData("lui-1042")]
    [InlineData("48213377")]
    [InlineData("maya ROSSI")]
    [InlineData("055 123")]
    [InlineData("via roma")]
    [InlineData("tiramisu")]
    [InlineData("Luigi")]
    [InlineData("ana lopez")]
    public void Text_search_finds_the_order_by_any_field_people_look_it_up_by(string text) =>
        Assert.True(new OrderSearch { Text = text }.Matches(s_order));

    [Fact]
    public void Text_found_in_no_field_matches_nothing() =>
        Assert.False(new OrderSearch { Text = "Diavola" }.Matches(s_order));

    [Fact]
    public void A_status_set_matches_any_of_its_statuses_only()
    {
        var search = new OrderSearch { Statuses = new HashSet<OrderStatus> { OrderStatus.Ready, OrderStatus.PendingSupplier } };

        Assert.True(search.Matches(s_order with { Status = OrderStatus.Ready }));
        Assert.True(search.Matches(s_order));
        Assert.False(search.Matches(s_order with { Status = OrderStatus.Delivered }));
    }

    [Fact]
    public void An_empty_status_set_matches_every_status() =>
        Assert.True(new OrderSearch { Statuses = new HashSet<OrderStatus>() }.Matches(s_order with { Status = OrderStatus.Cancelled }));

    [Fact]
    public void The_supplier_filter_keeps_that_suppliers_orders_only()
    {
        Assert.True(new OrderSearch { SupplierId = "luigis" }.Matches(s_order));
        Assert.False(new OrderSearch { SupplierId = "napoli" }.Matches(s_order));
    }

    [Fact]
    public void The_driver_filter_keeps_that_drivers_orders_only()
    {
        Assert.True(new OrderSearch { DriverId = "drv-ana" }.Matches(s_order));
        Assert.False(new OrderSearch { DriverId = "drv-ben" }.Matches(s_order));
        Assert.False(new OrderSearch { DriverId = "drv-ana" }.Matches(s_order with { DriverId = null }));
    }

    [Fact]
    public void Creation_days_start_at_midnight_in_the_consoles_zone()
    {
        // Midnight of 2025-03-01 in Rome (UTC+1) is 23:00 UTC on 28 February.
        var search = new OrderSearch { CreatedFrom = new DateOnly(2025, 3, 1), Zone = s_rome };

        Assert.True(search.Matches(s_order with { CreatedAt = new DateTimeOffset(2025, 2, 28, 23, 0, 0, TimeSpan.Zero) }));
        Assert.False(search.Matches(s_order with { CreatedAt = new DateTimeOffset(2025, 2, 28, 22, 59, 59, TimeSpan.Zero) }));
    }

    [Fact]
    public void The_last_creation_day_is_included_to_its_last_instant_in_the_consoles_zone()
    {
        var search = new OrderSearch { CreatedTo = new DateOnly(2025, 3, 1), Zone = s_rome };

        Assert.True(search.Matches(s_order with { CreatedAt = new DateTimeOffset(2025, 3, 1, 22, 59, 59, TimeSpan.Zero) }));
        Assert.False(search.Matches(s_order with { CreatedAt = new DateTimeOffset(2025, 3, 1, 23, 0, 0, TimeSpan.Zero) }));
    }

    [Fact]
    public void A_day_after_the_clocks_go_forward_is_reckoned_in_summer_time()
    {
        // Rome moves to UTC+2 on 2025-03-30 at 02:00; 31 March starts at 22:00 UTC on the 30th.
        var search = new OrderSearch { CreatedFrom = new DateOnly(2025, 3, 31), CreatedTo = new DateOnly(2025, 3, 31), Zone = s_rome };

        Assert.True(search.Matches(s_order with { CreatedAt = new DateTimeOffset(2025, 3, 30, 22, 0, 0, TimeSpan.Zero) }));
        Assert.False(search.Matches(s_order with { CreatedAt = new DateTimeOffset(2025, 3, 30, 21, 59, 0, TimeSpan.Zero) }));
        Assert.False(search.Matches(s_order with { CreatedAt = new DateTimeOffset(2025, 3, 31, 22, 0, 0, TimeSpan.Zero) }));
    }

    [Fact]
    public void Filters_combine_so_an_order_must_pass_every_one()
    {
        var search = new OrderSearch { Text = "Maya", SupplierId = "luigis", Statuses = new HashSet<OrderStatus> { OrderStatus.Ready } };

        Assert.True(search.Matches(s_order with { Status = OrderStatus.Ready }));
        Assert.False(search.Matches(s_order with { Status = OrderStatus.Ready, CustomerName = "Ravi Shah" }));
    }

    [Fact]
    public void By_default_matches_keep_the_listings_newest_change_first_order()
    {
        var listing = new[] { s_order with { Id = Guid.NewGuid() }, s_order with { Id = Guid.NewGuid(), Status = OrderStatus.Ready }, s_order with { Id = Guid.NewGuid() } };

        Assert.Equal([listing[0].Id, listing[2].Id], new OrderSearch { Statuses = new HashSet<OrderStatus> { OrderStatus.PendingSupplier } }.Apply(listing).Select(order => order.Id));
    }

    [Fact]
    public void A_sort_orders_the_matches_by_its_key_either_way()
    {
        var listing = new[] { s_order with { CustomerName = "Bea" }, s_order with { CustomerName = "ada" }, s_order with { CustomerName = "Cy" } };

        Assert.Equal(["ada", "Bea", "Cy"], new OrderSearch { Sort = OrderSort.Customer, Descending = false }.Apply(listing).Select(order => order.CustomerName));
        Assert.Equal(["Cy", "Bea", "ada"], new OrderSearch { Sort = OrderSort.Customer }.Apply(listing).Select(order => order.CustomerName));
    }

    [Fact]
    public void No_filter_is_everything_and_any_filter_is_not()
    {
        Assert.True(new OrderSearch { Text = "  " }.IsEverything);
        Assert.False(new OrderSearch { CreatedTo = new DateOnly(2025, 3, 1) }.IsEverything);
    }
}
