using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.SignalR;
using OrderConsole.Tests.Support;

namespace OrderConsole.Tests.Hubs;

/// <summary>How often a driver's reports are taken, and how often they reach the store.</summary>
public sealed class HubPositionLimitTests
{
    [Fact]
    public async Task A_driver_reporting_again_within_the_interval_is_refused_in_words()
    {
        await using var console = new HubConsoleBase(("Hub:PositionInterval", "01:00:00"));
        await using var ana = await HubClient.ConnectAsync(console, "driver");
        await ana.Connection.InvokeAsync("ReportPosition", 40.71, -74.00, null, null, null);

        var refused = await Assert.ThrowsAsync<HubException>(() => ana.Connection.InvokeAsync("ReportPosition", 40.72, -74.00, null, null, null));

        Assert.StartsWith("positions are taken at most once every 3600 s per driver; this one came", HubRoomAccessTests.ServerMessage(refused), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Positions_reach_the_rooms_at_once_but_the_store_at_most_once_per_store_interval()
    {
        await using var console = new HubConsoleBase(("Hub:PositionInterval", "00:00:00"), ("Hub:PositionStoreInterval", "01:00:00"));
        using var dispatcher = await ApiClient.AsAsync(console, "dispatcher");
        await using var watcher = await HubClient.ConnectAsync(console, "dispatcher");
        await watcher.Connection.InvokeAsync("JoinDriver", "drv-ana");
        await using var ana = await HubClient.ConnectAsync(console, "driver");

        await ana.Connection.InvokeAsync("ReportPosition", 40.7001, -74.0001, null, null, null);
        await ana.Connection.InvokeAsync("ReportPosition", 40.7002, -74.0002, null, null, null);

        await Eventually.HoldsAsync(() => watcher.Moves.Count == 2, "both positions reach Ana's room");
        Assert.Equal([40.7001, 40.7002], watcher.Moves.Select(move => move.Latitude));
        Assert.Equal((40.7001, -74.0001), await OrderSteps.StoredPositionAsync(dispatcher, "drv-ana"));
    }
}
