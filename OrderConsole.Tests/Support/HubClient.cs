using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using OrderConsole.Core.Events;
using OrderConsole.Core.Orders;
using OrderConsole.Hubs;

namespace OrderConsole.Tests.Support;

/// <summary>
/// A client of <c>/hubs/orders</c> signed in with a bearer token, keeping everything the hub sends it exactly as it
/// arrived (it never drops a repeat: that is for the tests to see).
/// </summary>
public sealed class HubClient : IAsyncDisposable
{
    private HubClient(HubConnection connection)
    {
        Connection = connection;
        connection.On<OrderEvent>(nameof(IOrdersClient.OrderChanged), Changes.Enqueue);
        connection.On<DriverPosition>(nameof(IOrdersClient.DriverMoved), Moves.Enqueue);
        connection.On<Order>(nameof(IOrdersClient.Assigned), Assignments.Enqueue);
    }

    public HubConnection Connection { get; }

    public ConcurrentQueue<OrderEvent> Changes { get; } = new();

    public ConcurrentQueue<DriverPosition> Moves { get; } = new();

    public ConcurrentQueue<Order> Assignments { get; } = new();

    /// <summary>Connects to the console hosted in-process by <paramref name="factory"/> as <paramref name="userName"/>.</summary>
    public static async Task<HubClient> ConnectAsync(WebApplicationFactory<Program> factory, string userName, string password = SignedInClient.DemoPassword)
    {
        using var http = factory.CreateClient();
        var token = await TokenAsync(http, userName, password);
        return await StartAsync(new HubConnectionBuilder().WithUrl(new Uri(factory.Server.BaseAddress, OrdersHub.Path), options =>
        {
            options.HttpMessageHandlerFactory = _ => factory.Server.CreateHandler();
            options.Transports = HttpTransportType.LongPolling;
            options.AccessTokenProvider = () => Task.FromResult<string?>(token);
        }));
    }

    /// <summary>Connects over a WebSocket to the console process at <paramref name="console"/> as <paramref name="userName"/>.</summary>
    public static async Task<HubClient> ConnectAsync(Uri console, string userName, string password = SignedInClient.DemoPassword)
    {
        using var http = new HttpClient { BaseAddress = console };
        var token = await TokenAsync(http, userName, password);
        return await StartAsync(new HubConnectionBuilder().WithUrl(new Uri(console, OrdersHub.Path), options =>
        {
            options.Transports = HttpTransportType.WebSockets;
            options.SkipNegotiation = true;
            options.AccessTokenProvider = () => Task.FromResult<string?>(token);
        }));
    }

    public async ValueTask DisposeAsync() => await Connection.DisposeAsync();

    public static async Task<string> TokenAsync(HttpClient http, string userName, string password)
    {
        using var response = await http.PostAsJsonAsync(new Uri("/api/auth/login", UriKind.Relative), new { username = userName, password });
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("access_token").GetString()!;
    }

    private static async Task<HubClient> StartAsync(IHubConnectionBuilder builder)
    {
        var client = new HubClient(builder.AddJsonProtocol(json => WireJson.Configure(json.PayloadSerializerOptions)).Build());
        await client.Connection.StartAsync();
        return client;
    }
}
