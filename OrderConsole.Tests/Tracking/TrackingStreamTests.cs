using System.Net;
using OrderConsole.Core.Orders;
using OrderConsole.Tests.Support;

namespace OrderConsole.Tests.Tracking;

/// <summary>
/// <c>/track/{token}/events</c>: the order's public view now, then after each change of that order only, ending
/// once the order is final.
/// </summary>
public sealed class TrackingStreamTests(PublicTrackingHost host) : IClassFixture<PublicTrackingHost>
{
    private readonly TrackedOrders _orders = new(host);

    [Fact]
    public async Task The_stream_sends_the_current_state_then_each_change()
    {
        var order = await _orders.InStatusAsync(OrderStatus.Ready);
        using var client = SignedInClient.Anonymous(host);
        using var stream = await TrackingStream.OpenAsync(client, order.TrackingToken);

        var first = await stream.NextAsync();
        await _orders.DispatchAsync(order);
        var second = await stream.NextAsync();

        Assert.Equal("ready", first?.GetProperty("status").GetString());
        Assert.Equal("dispatched", second?.GetProperty("status").GetString());
        Assert.Equal(33, second?.GetProperty("progress_percentage").GetInt32());
    }

    [Fact]
    public async Task The_stream_ends_after_sending_the_delivered_state()
    {
        var order = await _orders.InStatusAsync(OrderStatus.InTransit);
        using var client = SignedInClient.Anonymous(host);
        using var stream = await TrackingStream.OpenAsync(client, order.TrackingToken);
        await stream.NextAsync();

        await _orders.AdvanceAsync(order, OrderStatus.Delivered);
        var delivered = await stream.NextAsync();
        var after = await stream.NextAsync();

        Assert.Equal("delivered", delivered?.GetProperty("status").GetString());
        Assert.True(delivered?.GetProperty("final").GetBoolean());
        Assert.Null(after);
    }

    [Fact]
    public async Task The_stream_of_a_cancelled_order_sends_its_final_state_and_ends()
    {
        var order = await _orders.InStatusAsync(OrderStatus.Preparing);
        await _orders.Orders.CancelAsync(Actor.System, order.Id, "kitchen closed");
        using var client = SignedInClient.Anonymous(host);
        using var stream = await TrackingStream.OpenAsync(client, order.TrackingToken);

        var final = await stream.NextAsync();
        var after = await stream.NextAsync();

        Assert.Equal("cancelled", final?.GetProperty("status").GetString());
        Assert.Null(after);
    }

    [Fact]
    public async Task The_stream_never_carries_another_orders_change()
    {
        var order = await _orders.InStatusAsync(OrderStatus.Preparing);
        var other = await _orders.InStatusAsync(OrderStatus.Preparing);
        using var client = SignedInClient.Anonymous(host);
        using var stream = await TrackingStream.OpenAsync(client, order.TrackingToken);
        await stream.NextAsync();

        await _orders.AdvanceAsync(other, OrderStatus.Ready);
        await _orders.AdvanceAsync(order, OrderStatus.Ready);
        var next = await stream.NextAsync();

        Assert.Equal(order.TrackingId, next?.GetProperty("tracking_id").GetString());
        Assert.Equal("ready", next?.GetProperty("status").GetString());
        Assert.DoesNotContain(other.TrackingId, stream.Received.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(other.SupplierTrackingId + "\"", stream.Received.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_tracking_stream_contains_no_personal_data()
    {
        var order = await _orders.InStatusAsync(OrderStatus.Dispatched);
        using var client = SignedInClient.Anonymous(host);
        using var stream = await TrackingStream.OpenAsync(client, order.TrackingToken);
        await stream.NextAsync();

        await _orders.AdvanceAsync(order, OrderStatus.InTransit);
        await stream.NextAsync();
        await _orders.AdvanceAsync(order, OrderStatus.Delivered);
        while (await stream.NextAsync() is not null)
        {
        }

        Assert.Contains("\"in_transit\"", stream.Received.ToString(), StringComparison.Ordinal);
        TrackedOrders.AssertNoPersonalData(stream.Received.ToString(), order);
    }

    [Fact]
    public async Task The_stream_of_an_unknown_link_answers_404()
    {
        using var client = SignedInClient.Anonymous(host);

        using var response = await client.GetAsync(new Uri("/track/AAAAAAAAAAAAAAAAAAAAAA/events", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
