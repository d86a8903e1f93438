using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OrderConsole.Observability;

namespace OrderConsole.Tests.Observability;

/// <summary>Who may read <c>/metrics</c>: the allowed networks and the monitoring port, on a real Kestrel with real client addresses.</summary>
public sealed class MetricsAccessTests
{
    private static readonly IPAddress s_otherLoopback = IPAddress.Parse("127.0.0.2");

    [Fact]
    public async Task A_scrape_from_outside_the_allowed_networks_is_refused_with_problem_details_and_one_from_inside_is_served()
    {
        await using var app = new WebApplicationFactory<Program>().WithWebHostBuilder(host => host.UseSetting("Metrics:AllowedNetworks:0", "127.0.0.1/32"));
        app.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var address = Start(app).Single();

        using var outsider = ClientFrom(s_otherLoopback);
        using var refused = await outsider.GetAsync(new Uri(address, "/metrics"));
        using var insider = ClientFrom(IPAddress.Loopback);
        using var served = await insider.GetAsync(new Uri(address, "/metrics"));

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync());
        Assert.Contains("127.0.0.2 is not in them", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Contains("orderconsole_orders_by_status", await served.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_allow_list_does_not_guard_the_rest_of_the_console()
    {
        await using var app = new WebApplicationFactory<Program>().WithWebHostBuilder(host => host.UseSetting("Metrics:AllowedNetworks:0", "127.0.0.1/32"));
        app.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var address = Start(app).Single();

        using var outsider = ClientFrom(s_otherLoopback);
        using var health = await outsider.GetAsync(new Uri(address, "/healthz"));

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public async Task With_a_monitoring_port_metrics_are_served_there_and_not_found_on_the_console_port()
    {
        var monitoringPort = FreePort();
        await using var app = new WebApplicationFactory<Program>().WithWebHostBuilder(host => host.UseSetting("Metrics:Port", monitoringPort.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        app.UseKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, 0);
            kestrel.Listen(IPAddress.Loopback, monitoringPort);
        });
        var addresses = Start(app);
        var consoleAddress = addresses.Single(address => address.Port != monitoringPort);
        var monitoringAddress = addresses.Single(address => address.Port == monitoringPort);

        using var client = ClientFrom(IPAddress.Loopback);
        using var onConsolePort = await client.GetAsync(new Uri(consoleAddress, "/metrics"));
        using var onMonitoringPort = await client.GetAsync(new Uri(monitoringAddress, "/metrics"));

        Assert.Equal(HttpStatusCode.NotFound, onConsolePort.StatusCode);
        Assert.Equal("application/problem+json", onConsolePort.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, onMonitoringPort.StatusCode);
    }

    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("127.0.0.2", true)]
    [InlineData("::1", true)]
    [InlineData("10.1.2.3", true)]
    [InlineData("172.18.0.5", true)]
    [InlineData("192.168.1.20", true)]
    [InlineData("::ffff:192.168.1.20", true)]
    [InlineData("fd12:3456::1", true)]
    [InlineData("172.32.0.1", false)]
    [InlineData("8.8.8.8", false)]
    [InlineData("::ffff:8.8.8.8", false)]
    [InlineData("2001:db8::1", false)]
    public void By_default_loopback_and_private_networks_may_scrape(string address, bool allowed)
    {
        var access = new MetricsAccess(_ => Task.CompletedTask, Options.Create(new MetricsOptions()));

        Assert.Equal(allowed, access.IsAllowed(IPAddress.Parse(address)));
    }

    [Fact]
    public void A_network_that_is_not_in_CIDR_form_is_refused_with_a_message_naming_it()
    {
        var options = Options.Create(new MetricsOptions { AllowedNetworks = ["10.0.0.0/8", "office"] });

        var error = Assert.Throws<OptionsValidationException>(() => new MetricsAccess(_ => Task.CompletedTask, options));

        Assert.Contains("\"office\"", error.Message, StringComparison.Ordinal);
        Assert.Contains("Metrics:AllowedNetworks", error.Message, StringComparison.Ordinal);
    }

    private static List<Uri> Start(WebApplicationFactory<Program> app)
    {
        app.StartServer();
        return [.. app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Select(address => new Uri(address))];
    }

    /// <summary>A client whose connections come from <paramref name="local"/>, so the server sees that address.</summary>
    private static HttpClient ClientFrom(IPAddress local) => new(new SocketsHttpHandler
    {
        ConnectCallback = async (context, cancellation) =>
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                socket.Bind(new IPEndPoint(local, 0));
                await socket.ConnectAsync(context.DnsEndPoint, cancellation);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    });

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
