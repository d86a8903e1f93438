using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.SignalR;
using OrderConsole.Tests.Support;

namespace OrderConsole.Tests.Hubs;

/// <summary>Drivers report positions through the hub: only their own, checked, fanned out to the rooms that follow them, stored.</summary>
public sealed class HubPositionTests : IClassFixture<HubPositionTests.Console>
{
    private readonly Console _console;

    public HubPositionTests(Console console)
    {
        _console = console;
    }

    [Fact]
    public async Task A_driver_cannot_report_for_another_driver()
    {
        using var dispatcher = await ApiClient.AsAsync(_console, "dispatcher");
        var bensBefore = await OrderSteps.StoredPositionAsync(dispatcher, "drv-ben");
        await using var watcher = await HubClient.ConnectAsync(_console, "dispatcher");
        await watcher.Connection.InvokeAsync("JoinDriver", "drv-ben");
        await watcher.Connection.InvokeAsync("JoinDriver", "drv-ana");
        await using var ana = await HubClient.ConnectAsync(_console, "driver");

        await ana.Connection.InvokeAsync("ReportPosition", 40.7301, -73.9950, 4.5, 90.0, 8.0);

        await Eventually.HoldsAsync(() => !watcher.Moves.IsEmpty, "the dispatcher sees a driver move");
        var move = Assert.Single(watcher.Moves);
        Assert.Equal(("drv-ana", 40.7301, -73.9950), (move.DriverId, move.Latitude, move.Longitude));
        Assert.Equal((40.7301, -73.9950), await OrderSteps.StoredPositionAsync(dispatcher, "drv-ana"));
        Assert.Equal(bensBefore, await OrderSteps.StoredPositionAsync(dispatcher, "drv-ben"));
    }

    [Fact]
    public async Task Only_a_driver_reports_a_position()
    {
        await using var dispatcher = await HubClient.ConnectAsync(_console, "dispatcher");

        var refused = await Assert.ThrowsAsync<HubException>(() => dispatcher.Connection.InvokeAsync("ReportPosition", 40.7, -74.0, null, null, null));

        Assert.Equal("only a driver reports a position, and only their own: sign in as the driver whose position it is", HubRoomAccessTests.ServerMessage(refused));
    }

    [Theory]
    [InlineData(91.0, -74.0, null, null, null, "the latitude must be between -90 and 90 degrees; 91 is not")]
    [InlineData(40.7, -181.0, null, null, null, "the longitude must be between -180 and 180 degrees; -181 is not")]
    [InlineData(40.7, -74.0, -1.0, null, null, "the speed is in metres per second, from 0 to 100; -1 is not")]
    [InlineData(40.7, -74.0, 3.0, 360.0, null, "the heading is in degrees clockwise from north, from 0 up to 360; 360 is not")]
    [InlineData(40.7, -74.0, 3.0, 10.0, 0.0, "the accuracy is a radius in metres, above 0 and at most 10,000; 0 is not")]
    public async Task A_position_that_cannot_be_is_refused_in_words_and_changes_nothing(
        double latitude, double longitude, double? speed, double? heading, double? accuracy, string message)
    {
        using var dispatcher = await ApiClient.AsAsync(_console, "dispatcher");
        var before = await OrderSteps.StoredPositionAsync(dispatcher, "drv-ana");
        await using var ana = await HubClient.ConnectAsync(_console, "driver");

        var refused = await Assert.ThrowsAsync<HubException>(() => ana.Connection.InvokeAsync("ReportPosition", latitude, longitude, speed, heading, accuracy));

        Assert.Equal(message, HubRoomAccessTests.ServerMessage(refused));
        Assert.Equal(before, await OrderSteps.StoredPositionAsync(dispatcher, "drv-ana"));
    }

    [Fact]
    public async Task A_drivers_position_reaches_the_rooms_of_the_order_they_carry_and_of_its_supplier()
    {
        using var supplier = await ApiClient.AsAsync(_console, "supplier1");
        using var customer = await ApiClient.AsAsync(_console, "customer");
        using var dispatcher = await ApiClient.AsAsync(_console, "dispatcher");
        await OrderSteps.FreeDriverAsync(dispatcher, "drv-ana");
        var id = await OrderSteps.ReadyOrderAsync(supplier, customer);
        await using var ana = await HubClient.ConnectAsync(_console, "driver");
        await ana.Connection.InvokeAsync("JoinDriver", "drv-ana");
        await using var luigis = await HubClient.ConnectAsync(_console, "supplier1");
        await luigis.Connection.InvokeAsync("JoinSupplier", "luigis");
        await using var orderWatcher = await HubClient.ConnectAsync(_console, "dispatcher");
        await orderWatcher.Connection.InvokeAsync("JoinOrder", Guid.Parse(id));
        await OrderSteps.ExpectAsync(dispatcher, $"/api/orders/{id}/dispatch?driver_id=drv-ana", "dispatched");
        await Eventually.HoldsAsync(() => ana.Assignments.Any(order => order.Id == Guid.Parse(id)), "Ana is told the order is hers");

        await ana.Connection.InvokeAsync("ReportPosition", 40.7200, -74.0010, 6.0, 45.0, 5.0);

        await Eventually.HoldsAsync(() => luigis.Moves.Any(move => move.DriverId == "drv-ana"), "the supplier's room sees Ana move");
        await Eventually.HoldsAsync(() => orderWatcher.Moves.Any(move => move.DriverId == "drv-ana"), "the order's room sees Ana move");
        Assert.Equal((6.0, 45.0, 5.0), (luigis.Moves.Last().Speed, luigis.Moves.Last().Heading, luigis.Moves.Last().Accuracy));
        await OrderSteps.ExpectAsync(dispatcher, $"/api/orders/{id}/status?status=in_transit", "in_transit");
        await OrderSteps.ExpectAsync(dispatcher, $"/api/orders/{id}/status?status=delivered", "delivered");
    }

    /// <summary>Every report taken and stored, so the tests here do not wait on the limits (tested on their own).</summary>
    public sealed class Console() : HubConsoleBase(("Hub:PositionInterval", "00:00:00"), ("Hub:PositionStoreInterval", "00:00:00"));
}
