using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using ApiBench;
using HubBench;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using OrderConsole.Core.Events;
using RedisStoreBench;

// Usage: dotnet run -c Release --project bench/HubBench [-- drivers [seconds]]
// Needs redis-server. Two console instances on one Redis: drivers report on A, one room client per driver on B.
var driverCount = args.Length > 0 && int.TryParse(args[0], CultureInfo.InvariantCulture, out var d) ? d : 200;
var seconds = args.Length > 1 && int.TryParse(args[1], CultureInfo.InvariantCulture, out var s) ? s : 30;

await using var redis = await RedisServerProcess.StartAsync();
var connection = $"127.0.0.1:{redis.Port}";
await using var a = await ConsoleUnderTest.StartAsync(connection, instanceName: "bench-a");
await using var b = await ConsoleUnderTest.StartAsync(connection, instanceName: "bench-b");
var fleet = await DriverFleet.AddAsync(a.Address, connection, driverCount);

using var http = new HttpClient { BaseAddress = b.Address };
var dispatcherToken = await DriverFleet.TokenAsync(http, "dispatcher", ConsoleUnderTest.DemoPassword);

// Report → delivery: the driver notes when it called ReportPosition for each (driver, latitude), the room client when it heard it.
var sentAt = new ConcurrentDictionary<(string, double), long>();
var latencies = new ConcurrentBag<double>();
var measuring = false;
var lost = 0L;
var refused = 0L;

var rooms = new List<HubConnection>();
foreach (var (driverId, _) in fleet)
{
    var room = Connect(b.Address, dispatcherToken);
    room.On<PositionMessage>("DriverMoved", position =>
    {
        var heard = Stopwatch.GetTimestamp();
        if (sentAt.TryRemove((position.DriverId, position.Latitude), out var sent) && Volatile.Read(ref measuring))
        {
            latencies.Add(Stopwatch.GetElapsedTime(sent, heard).TotalMilliseconds);
        }
    });
    await room.StartAsync();
    await room.InvokeAsync("JoinDriver", driverId);
    rooms.Add(room);
}

var drivers = new List<(HubConnection Connection, string DriverId)>();
foreach (var (driverId, userName) in fleet)
{
    using var login = new HttpClient { BaseAddress = a.Address };
    var driver = Connect(a.Address, await DriverFleet.TokenAsync(login, userName, DriverFleet.Password));
    await driver.StartAsync();
    drivers.Add((driver, driverId));
}

Console.WriteLine($"redis-server {redis.Version}; {Environment.ProcessorCount} cores shared by redis-server, both consoles and this process");
Console.WriteLine($"{driverCount} drivers reporting once a second on instance A, {rooms.Count} room clients (one per driver's room) on instance B; {seconds} s measured after 5 s of warm-up");

using var stop = new CancellationTokenSource();
var reporting = drivers.Select((driver, index) => Task.Run(async () =>
{
    // Spread over the second so the reports do not all land at once.
    await Task.Delay(TimeSpan.FromMilliseconds(1000.0 * index / drivers.Count), stop.Token);
    using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
    var sequence = 0;
    do
    {
        var latitude = 40.0 + (index * 0.001) + (++sequence * 0.000001);
        sentAt[(driver.DriverId, latitude)] = Stopwatch.GetTimestamp();
        try
        {
            await driver.Connection.InvokeAsync("ReportPosition", latitude, -74.0, 5.0, 90.0, 10.0, stop.Token);
        }
        catch (Microsoft.AspNetCore.SignalR.HubException)
        {
            Interlocked.Increment(ref refused);
        }
        catch (OperationCanceledException)
        {
            // Stopped while this report was on its way: it was never measured, so it is not lost either.
            sentAt.TryRemove((driver.DriverId, latitude), out _);
            throw;
        }
    }
    while (await timer.WaitForNextTickAsync(stop.Token));
})).ToList();

await Task.Delay(TimeSpan.FromSeconds(5));
var cpuA = a.CpuTime();
var cpuB = b.CpuTime();
var clock = Stopwatch.StartNew();
Volatile.Write(ref measuring, true);
await Task.Delay(TimeSpan.FromSeconds(seconds));
Volatile.Write(ref measuring, false);
var elapsed = clock.Elapsed;
var usedA = a.CpuTime() - cpuA;
var usedB = b.CpuTime() - cpuB;
await stop.CancelAsync();
try
{
    await Task.WhenAll(reporting);
}
catch (OperationCanceledException)
{
    // Stopped.
}

// Reports still unheard a second after the last one are counted as lost (there should be none).
await Task.Delay(TimeSpan.FromSeconds(1));
lost = sentAt.Count - Interlocked.Read(ref refused);

var sorted = latencies.Order().ToArray();
double Percentile(double p) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
Console.WriteLine();
Console.WriteLine($"{sorted.Length:N0} positions delivered while measuring ({sorted.Length / elapsed.TotalSeconds:N0}/s); {refused} refused by the limit; {lost} reports never heard");
Console.WriteLine($"report → delivery on the other instance: p50 {Percentile(0.50):0.0} ms, p99 {Percentile(0.99):0.0} ms, max {Percentile(1.0):0.0} ms (goal p99 < 100 ms)");
Console.WriteLine($"server CPU while measuring: A (drivers) {usedA / elapsed:P0} of one core, B (rooms) {usedB / elapsed:P0} of one core");

foreach (var connectionToClose in rooms.Concat(drivers.Select(driver => driver.Connection)))
{
    await connectionToClose.DisposeAsync();
}

static HubConnection Connect(Uri console, string token) => new HubConnectionBuilder()
    .WithUrl(new Uri(console, "/hubs/orders"), options =>
    {
        options.Transports = HttpTransportType.WebSockets;
        options.SkipNegotiation = true;
        options.AccessTokenProvider = () => Task.FromResult<string?>(token);
    })
    .AddJsonProtocol(json => WireJson.Configure(json.PayloadSerializerOptions))
    .Build();

/// <summary>The part of the hub's <c>DriverMoved</c> message the benchmark reads.</summary>
internal sealed record PositionMessage(string DriverId, double Latitude);
