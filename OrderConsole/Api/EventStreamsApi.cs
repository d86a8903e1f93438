using System.Net.ServerSentEvents;
using System.Net.WebSockets;
using System.Runtime.CompilerServices;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using OrderConsole.Accounts;
using OrderConsole.Core.Events;
using OrderConsole.Core.Live;
using OrderConsole.Core.Orders;

namespace OrderConsole.Api;

/// <summary>
/// Live events for staff: Server-Sent Events at <c>/api/events/stream</c> (resumable with <c>Last-Event-ID</c>) and
/// a WebSocket at <c>/ws</c> sending <c>{event_type, order, timestamp}</c>. Each caller sees only the events about
/// orders they may see, exactly as on their console page.
/// </summary>
public static class EventStreamsApi
{
    /// <summary>How long a quiet stream waits before saying it is still alive (proxies drop silent connections).</summary>
    public static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(20);

    public const string HeartbeatEvent = "heartbeat";
    public const string ResetEvent = "stream.reset";

    public static IEndpointRouteBuilder MapEventStreamsApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/events/stream", StreamEvents)
            .RequireStaff(ConsoleRoles.Supplier, ConsoleRoles.Customer, ConsoleRoles.Dispatcher, ConsoleRoles.Driver)
            .WithName("StreamEvents")
            .WithSummary("Server-Sent Events of order changes; reconnect with Last-Event-ID to get what was missed")
            .WithTags("Events")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        endpoints.Map("/ws", Connect)
            .RequireStaff(ConsoleRoles.Supplier, ConsoleRoles.Customer, ConsoleRoles.Dispatcher, ConsoleRoles.Driver)
            .WithName("EventsWebSocket")
            .WithSummary("A WebSocket of order changes: {event_type, order, timestamp} per message")
            .WithTags("Events");
        return endpoints;
    }

    public static async Task<ServerSentEventsResult<OrderEvent?>> StreamEvents(
        ClaimsPrincipal user, FeedFollower follower, [FromHeader(Name = "Last-Event-ID")] string? lastEventId,
        [FromQuery(Name = "last_event_id")] string? lastEventIdQuery, CancellationToken cancellationToken)
    {
        var reader = ApiActors.Reader(user);
        var position = await follower.StartAsync(lastEventId ?? lastEventIdQuery, cancellationToken);
        return TypedResults.ServerSentEvents(Items(follower, reader, position, cancellationToken));
    }

    public static async Task<Results<EmptyHttpResult, ProblemHttpResult>> Connect(
        HttpContext context, ClaimsPrincipal user, FeedFollower follower, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The request is not valid", detail: "/ws speaks WebSocket only; open it with a WebSocket client");
        }

        var reader = ApiActors.Reader(user);
        var position = await follower.StartAsync(null, context.RequestAborted);
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        using var closed = new CancellationTokenSource();

        // The client sends nothing we act on; reading notices when it closes or drops (the socket's own signal,
        // since hosts differ in what the request's abort token means once a connection is upgraded).
        var listening = ListenForCloseAsync(socket, closed);
        try
        {
            await foreach (var item in follower.FollowAsync(position, KeepAlive, closed.Token))
            {
                if (item.Event is { } change && Visible(reader, change))
                {
                    var message = JsonSerializer.SerializeToUtf8Bytes(new SocketMessage(change.EventType, change.Order, change.Timestamp), json.Value.SerializerOptions);
                    await socket.SendAsync(message, WebSocketMessageType.Text, endOfMessage: true, closed.Token);
                }
            }
        }
        catch (Exception gone) when (gone is OperationCanceledException or WebSocketException)
        {
            // The client went away; nothing is owed to it.
        }

        await closed.CancelAsync();
        await listening;

        // Answer the client's close (or start one when the stream ended here) so both sides end cleanly.
        if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
        {
            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "stream ended", CancellationToken.None);
        }
        return TypedResults.Empty;
    }

    /// <summary>Whether <paramref name="reader"/> may see <paramref name="change"/>: orders as on their page, driver, supplier and batch news for dispatch (and each driver or supplier their own).</summary>
    public static bool Visible(Actor reader, OrderEvent change) => change switch
    {
        { Order: { } order } => OrderAccess.CanSee(reader, order),
        { Driver: { } driver } => reader.Role is Role.Dispatcher or Role.Admin || reader.DriverId == driver.Id,
        { Supplier: { } supplier } => reader.Role is Role.Dispatcher or Role.Admin || reader.SupplierId == supplier.Id,
        _ => reader.Role is Role.Dispatcher or Role.Admin || change.Actor == reader.Name,
    };

    private static async IAsyncEnumerable<SseItem<OrderEvent?>> Items(
        FeedFollower follower, Actor reader, string? position, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var item in follower.FollowAsync(position, KeepAlive, cancellationToken))
        {
            if (item.IsTrimmed)
            {
                // Too far behind to replay: the client reloads its state and reconnects without an id.
                yield return new SseItem<OrderEvent?>(null, ResetEvent);
                yield break;
            }

            if (item.Event is not { } change)
            {
                yield return new SseItem<OrderEvent?>(null, HeartbeatEvent);
            }
            else if (Visible(reader, change))
            {
                yield return new SseItem<OrderEvent?>(change, change.EventType) { EventId = change.EventId };
            }
        }
    }

    private static async Task ListenForCloseAsync(WebSocket socket, CancellationTokenSource closed)
    {
        var buffer = new byte[256];
        try
        {
            while (socket.State == WebSocketState.Open)
            {
                var received = await socket.ReceiveAsync(buffer, closed.Token);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }
            }
        }
        catch (Exception gone) when (gone is OperationCanceledException or WebSocketException)
        {
            // Closed either way.
        }

        await closed.CancelAsync();
    }

    /// <summary>One WebSocket message.</summary>
    public sealed record SocketMessage(string EventType, Order? Order, DateTimeOffset Timestamp);
}
