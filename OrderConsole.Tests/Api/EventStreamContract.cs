using System.Net;
using System.Net.ServerSentEvents;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using OrderConsole.Tests.Support;

namespace OrderConsole.Tests.Api;

/// <summary>
/// The staff event streams on a given store: SSE with <c>Last-Event-ID</c> resume, and the WebSocket. A stream
/// dropped and resumed gets every event it missed exactly once, in order.
/// </summary>
public abstract class EventStreamContract
{
    protected abstract WebApplicationFactory<Program> Factory { get; }

    [Fact]
    public async Task A_resumed_stream_gets_every_missed_event_exactly_once()
    {
        using var supplier = await ApiClient.AsAsync(Factory, "supplier1");
        using var dispatcher = await ApiClient.AsAsync(Factory, "dispatcher");
        string seenId;
        string first;
        using (var stream = await SseClient.OpenAsync(dispatcher, lastEventId: null))
        {
            first = await supplier.CreateOrderAsync();
            var created = await stream.NextAsync(item => OrderOf(item) == first);
            seenId = created.EventId!;
        }

        // Missed while disconnected: an acceptance, a new order, and a rejection of it.
        await supplier.PostAsync($"/api/orders/{first}/supplier-respond?accept=true&estimated_time=25");
        var second = await supplier.CreateOrderAsync();
        await supplier.PostAsync($"/api/orders/{second}/supplier-respond?accept=false&notes=closed");

        using var resumed = await SseClient.OpenAsync(dispatcher, seenId);
        var missed = await resumed.TakeAsync(3);

        Assert.Equal(
            [("order.supplier_accepted", first), ("order.created", second), ("order.supplier_rejected", second)],
            missed.Select(item => (item.EventType, OrderOf(item))));
        Assert.Equal(missed.Count, missed.Select(item => item.EventId).Distinct().Count());
    }

    [Fact]
    public async Task A_supplier_streams_only_their_own_suppliers_orders()
    {
        using var luigis = await ApiClient.AsAsync(Factory, "supplier1");
        using var napoli = await ApiClient.AsAsync(Factory, "supplier2");
        using var stream = await SseClient.OpenAsync(napoli, lastEventId: null);

        var theirs = await luigis.CreateOrderAsync();
        var own = await napoli.CreateOrderAsync();

        // Background work (the SLA watcher) may change the supplier's other orders meanwhile; those may come first.
        var seen = new List<string?>();
        await stream.NextAsync(item =>
        {
            seen.Add(OrderOf(item));
            return OrderOf(item) == own;
        });

        Assert.DoesNotContain(theirs, seen);
    }

    [Fact]
    public async Task A_malformed_last_event_id_answers_400()
    {
        using var dispatcher = await ApiClient.AsAsync(Factory, "dispatcher");
        using var request = new HttpRequestMessage(HttpMethod.Get, ApiClient.Path("/api/events/stream"));
        request.Headers.Add("Last-Event-ID", "yesterday");

        using var response = await dispatcher.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task The_websocket_sends_each_change_as_event_type_order_and_timestamp()
    {
        using var supplier = await ApiClient.AsAsync(Factory, "supplier1");
        var token = supplier.DefaultRequestHeaders.Authorization!.Parameter!;
        var client = Factory.Server.CreateWebSocketClient();
        client.ConfigureRequest = request => request.Headers.Authorization = $"Bearer {token}";
        using var socket = await client.ConnectAsync(new Uri(Factory.Server.BaseAddress, "/ws"), CancellationToken.None);

        var id = await supplier.CreateOrderAsync();
        using var message = JsonDocument.Parse(await ReceiveAsync(socket));

        Assert.Equal("order.created", message.RootElement.GetProperty("event_type").GetString());
        Assert.Equal(id, message.RootElement.GetProperty("order").GetProperty("id").GetString());
        Assert.Equal(JsonValueKind.String, message.RootElement.GetProperty("timestamp").ValueKind);
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", CancellationToken.None);
    }

    private static string? OrderOf(SseItem<string> item)
    {
        using var change = JsonDocument.Parse(item.Data);
        return change.RootElement.TryGetProperty("order_id", out var id) ? id.GetString() : null;
    }

    private static async Task<string> ReceiveAsync(WebSocket socket)
    {
        using var timeout = new CancellationTokenSource(Eventually.Patience);
        var buffer = new byte[64 * 1024];
        var received = await socket.ReceiveAsync(buffer, timeout.Token);
        Assert.True(received.EndOfMessage);
        return Encoding.UTF8.GetString(buffer, 0, received.Count);
    }
}

/// <summary>The event streams over the embedded store.</summary>
public sealed class InMemoryEventStreamTests(WebApplicationFactory<Program> factory)
    : EventStreamContract, IClassFixture<WebApplicationFactory<Program>>
{
    protected override WebApplicationFactory<Program> Factory => factory;
}

/// <summary>The event streams over Redis: the stream reads the Redis feed with a reader of its own.</summary>
public sealed class RedisEventStreamTests(RedisConsoleFactory console)
    : EventStreamContract, IClassFixture<RedisConsoleFactory>
{
    protected override WebApplicationFactory<Program> Factory => console.Factory;
}
