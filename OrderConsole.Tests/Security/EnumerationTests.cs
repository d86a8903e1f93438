using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using OrderConsole.Core.Orders;
using OrderConsole.Tests.Tracking;

namespace OrderConsole.Tests.Security;

/// <summary>
/// Nothing public walks the orders: tracking IDs are random, failed look-ups drain a client's allowance faster
/// than found ones, and one client cannot hold more than a few tracking streams open.
/// </summary>
public sealed class EnumerationTests(EnumerationTests.GuardedTracking host) : IClassFixture<EnumerationTests.GuardedTracking>
{
    private readonly TrackedOrders _orders = new(host);

    [Fact]
    public void Tracking_ids_are_uniformly_random_in_every_digit()
    {
        const int samples = 20_000;
        var counts = new int[8, 10];
        for (var i = 0; i < samples; i++)
        {
            var id = TrackingCodes.NewTrackingId();
            for (var position = 0; position < 8; position++)
            {
                counts[position, id[position] - '0']++;
            }
        }

        // Chi-square with 9 degrees of freedom: 33.72 is exceeded by chance once in 10,000 runs per position.
        for (var position = 0; position < 8; position++)
        {
            var expected = samples / 10.0;
            var chiSquare = Enumerable.Range(0, 10).Sum(digit => Math.Pow(counts[position, digit] - expected, 2) / expected);
            Assert.True(chiSquare < 33.72, $"digit {position + 1} is not uniform: chi-square {chiSquare:F1}");
        }
    }

    [Fact]
    public async Task Orders_created_one_after_another_get_unrelated_tracking_ids()
    {
        var ids = new List<long>();
        for (var i = 0; i < 40; i++)
        {
            ids.Add(long.Parse((await _orders.InStatusAsync(OrderStatus.PendingSupplier)).TrackingId, CultureInfo.InvariantCulture));
        }

        var steps = ids.Zip(ids.Skip(1), (earlier, later) => later - earlier).ToArray();

        // A sequence (or any fixed stride) would make every step the same; random IDs almost never repeat a step.
        Assert.True(steps.Distinct().Count() > 35, "tracking IDs follow a pattern: " + string.Join(", ", steps));
        Assert.True(ids.Max() - ids.Min() > 10_000_000, "tracking IDs cluster: " + string.Join(", ", ids));
    }

    [Fact]
    public async Task Failed_look_ups_exhaust_a_clients_allowance_sooner_than_found_ones()
    {
        var order = await _orders.InStatusAsync(OrderStatus.Preparing);
        var follower = IPAddress.Parse("192.0.2.1");
        var guesser = IPAddress.Parse("192.0.2.2");

        var found = new List<int>();
        var guessed = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            found.Add(await GetAsync(follower, $"/api/track/{order.TrackingId}"));
            guessed.Add(await GetAsync(guesser, $"/api/track/{(order.TrackingId == "00000000" ? "00000001" : "00000000")}"));
        }

        Assert.Equal([200, 200, 200], found);
        Assert.Equal([404, 404, 429], guessed);
    }

    [Fact]
    public async Task One_client_may_hold_only_so_many_tracking_streams_open()
    {
        var order = await _orders.InStatusAsync(OrderStatus.Preparing);
        var client = IPAddress.Parse("192.0.2.3");
        var path = $"/track/{order.TrackingToken}/events";

        var open = Enumerable.Range(0, GuardedTracking.StreamsPerClient).Select(_ => OpenStream(client, path)).ToArray();
        var openStatuses = await Task.WhenAll(open.Select(stream => stream.Started));
        var refused = await GetAsync(client, path);
        var otherClient = OpenStream(IPAddress.Parse("192.0.2.4"), path);
        var otherStatus = await otherClient.Started;
        foreach (var stream in open.Append(otherClient))
        {
            stream.Close();
        }

        Assert.Equal(StatusCodes.Status429TooManyRequests, refused);
        Assert.All(openStatuses, status => Assert.Equal(StatusCodes.Status200OK, status));
        Assert.Equal(StatusCodes.Status200OK, otherStatus);
    }

    private async Task<int> GetAsync(IPAddress address, string path)
    {
        var context = await host.Server.SendAsync(request =>
        {
            request.Request.Method = HttpMethods.Get;
            request.Request.Path = path;
            request.Connection.RemoteIpAddress = address;
        });
        return context.Response.StatusCode;
    }

    /// <summary>A tracking stream from <paramref name="address"/>, held open until closed; <c>Started</c> gives its status.</summary>
    private HeldStream OpenStream(IPAddress address, string path)
    {
        var started = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        HttpContext? held = null;
        var running = host.Server.SendAsync(request =>
        {
            held = request;
            request.Request.Method = HttpMethods.Get;
            request.Request.Path = path;
            request.Connection.RemoteIpAddress = address;
            request.Response.OnStarting(() =>
            {
                started.TrySetResult(request.Response.StatusCode);
                return Task.CompletedTask;
            });
        });
        _ = running.ContinueWith(task => started.TrySetResult(task.IsCompletedSuccessfully ? task.Result.Response.StatusCode : 0), TaskScheduler.Default);
        return new HeldStream(started.Task, () => held?.Abort());
    }

    private sealed record HeldStream(Task<int> Started, Action Close);

    /// <summary>The demo console with a public allowance of 10 per minute, failures costing 5 more, and 2 streams per client.</summary>
    public sealed class GuardedTracking : WebApplicationFactory<Program>
    {
        public const int StreamsPerClient = 2;

        protected override void ConfigureWebHost(IWebHostBuilder builder) => builder
            .UseSetting("Demo:Enabled", "true")
            .UseSetting("RateLimits:Public:PermitLimit", "10")
            .UseSetting("RateLimits:Public:WindowSeconds", "60")
            .UseSetting("RateLimits:Public:FailureCost", "5")
            .UseSetting("RateLimits:PublicStreams:PerClient", StreamsPerClient.ToString(CultureInfo.InvariantCulture));
    }
}
