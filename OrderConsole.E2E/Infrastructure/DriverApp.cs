using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace OrderConsole.E2E.Infrastructure;

/// <summary>A driver's phone app: signed in with a bearer token, reporting positions on the orders hub.</summary>
public sealed class DriverApp : IAsyncDisposable
{
    private readonly HubConnection _hub;

    private DriverApp(HubConnection hub) => _hub = hub;

    public static async Task<DriverApp> SignInAsync(Uri console, string user, string password = ConsoleSignIn.DemoPassword)
    {
        using var http = new HttpClient { BaseAddress = console };
        using var response = await http.PostAsJsonAsync("/api/auth/login", new { username = user, password });
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var token = body.RootElement.GetProperty("access_token").GetString();
        var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(console, "/hubs/orders"), options =>
            {
                options.Transports = HttpTransportType.WebSockets;
                options.SkipNegotiation = true;
                options.AccessTokenProvider = () => Task.FromResult(token);
            })
            .Build();
        await hub.StartAsync();
        return new DriverApp(hub);
    }

    /// <summary>Reports where the driver is, as the phone's geolocation would.</summary>
    public Task ReportPositionAsync(double latitude, double longitude) =>
        _hub.InvokeAsync("ReportPosition", latitude, longitude, (double?)null, (double?)null, (double?)null);

    public ValueTask DisposeAsync() => _hub.DisposeAsync();
}
