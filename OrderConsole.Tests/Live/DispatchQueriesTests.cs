using Microsoft.Extensions.Logging.Abstractions;
using OrderConsole.Core.Drivers;
using OrderConsole.Core.Live;
using OrderConsole.Core.Orders;
using OrderConsole.Tests.Support;

namespace OrderConsole.Tests.Live;

/// <summary>The dispatch desk's questions to the read model: who is nearest to an order's pickup.</summary>
public sealed class DispatchQueriesTests
{
    [Fact]
    public async Task The_lineup_for_an_order_measures_from_its_suppliers_pickup_location()
    {
        var market = await Marketplace.OpenAsync();
        await market.Store.SaveSupplierAsync(Samples.Luigis with { Latitude = 40.7191, Longitude = -73.9973 });
        await market.Store.SaveDriverAsync(Samples.Ana with { Latitude = 40.7580, Longitude = -73.9855 }, "setup");
        await market.Store.SaveDriverAsync(Samples.Ben with { Latitude = 40.7206, Longitude = -73.9961 }, "setup");
        var ready = await market.OrderInStatusAsync(OrderStatus.Ready);
        using var live = new LiveOrders(market.Store, market.Feed, market.Clock, new LiveOrdersOptions(), NullLogger<LiveOrders>.Instance);
        await live.StartAsync(CancellationToken.None);

        var lineup = live.LineupFor(ready);

        await live.StopAsync(CancellationToken.None);
        Assert.Equal("drv-ben", lineup.Suggested?.Driver.Id);
        Assert.Equal(DriverDistance.Between(40.7191, -73.9973, 40.7206, -73.9961), lineup.Suggested?.Kilometres);
    }

    [Fact]
    public async Task An_order_whose_supplier_has_no_pickup_location_gets_no_suggestion()
    {
        var market = await Marketplace.OpenAsync();
        await market.Store.SaveDriverAsync(Samples.Ana with { Latitude = 40.7580, Longitude = -73.9855 }, "setup");
        var ready = await market.OrderInStatusAsync(OrderStatus.Ready);
        using var live = new LiveOrders(market.Store, market.Feed, market.Clock, new LiveOrdersOptions(), NullLogger<LiveOrders>.Instance);
        await live.StartAsync(CancellationToken.None);

        var lineup = live.LineupFor(ready);

        await live.StopAsync(CancellationToken.None);
        Assert.Null(lineup.Suggested);
        Assert.Equal(2, lineup.Drivers.Count);
    }
}
