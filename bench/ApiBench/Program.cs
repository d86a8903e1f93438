using System.Diagnostics;
using System.Globalization;
using ApiBench;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using RedisStoreBench;

// Usage: dotnet run -c Release --project bench/ApiBench [-- orders [seconds] [--in-memory]]
// Needs hey on the PATH (Debian package hey) and, unless --in-memory, redis-server.
var orders = args.Length > 0 && int.TryParse(args[0], CultureInfo.InvariantCulture, out var n) ? n : 10_000;
var seconds = args.Length > 1 && int.TryParse(args[1], CultureInfo.InvariantCulture, out var s) ? s : 10;
var inMemory = args.Contains("--in-memory");
var duration = TimeSpan.FromSeconds(seconds);

await using var redis = inMemory ? null : await RedisServerProcess.StartAsync();
await using var console = await ConsoleUnderTest.StartAsync(redis is null ? null : $"127.0.0.1:{redis.Port}");

// The machine's ceiling: a trivial endpoint of a bare ASP.NET Core app, hosted in this process.
var bareBuilder = WebApplication.CreateSlimBuilder();
bareBuilder.Logging.ClearProviders();
bareBuilder.WebHost.UseUrls($"http://127.0.0.1:{RedisServerProcess.FreePort()}");
await using var bare = bareBuilder.Build();
bare.MapGet("/ping", () => "pong");
await bare.StartAsync();
var bareUrl = new Uri(bare.Urls.First() + "/ping");

var loader = new OrderLoader(console.Address);
var loading = Stopwatch.StartNew();
var (trackingId, inTransitId) = await loader.LoadAsync(orders, parallel: 16);
Console.WriteLine($"store: {(redis is null ? "in-memory" : $"redis-server {redis.Version}")}; {Environment.ProcessorCount} cores shared by the console, hey and this process");
Console.WriteLine($"loaded {orders:N0} orders through POST /api/orders in {loading.Elapsed.TotalSeconds:0.0} s; {seconds} s per run");
Console.WriteLine();

using var dispatcher = await loader.SignInAsync("dispatcher");
var token = dispatcher.DefaultRequestHeaders.Authorization!.Parameter;
var runs = new (string Name, Uri Url, int Connections, int? Rate, string? Bearer)[]
{
    ("bare GET /ping (max)", bareUrl, 50, null, null),
    ("GET /api/track/{id} (max)", new Uri(console.Address, $"/api/track/{trackingId}"), 50, null, null),
    ("GET /api/track/{id} @1000/s", new Uri(console.Address, $"/api/track/{trackingId}"), 10, 1000, null),
    ("GET /api/orders/{id}/delivery @1000/s", new Uri(console.Address, $"/api/orders/{inTransitId}/delivery"), 10, 1000, token),
    ("GET /api/state @1000/s", new Uri(console.Address, "/api/state"), 10, 1000, token),
};

Console.WriteLine($"{"endpoint",-40} {"req/s",10} {"p50 ms",8} {"p99 ms",8}  statuses");
var figures = new Dictionary<string, LoadFigures>();
foreach (var (name, url, connections, rate, bearer) in runs)
{
    await LoadGenerator.RunAsync(url, TimeSpan.FromSeconds(2), connections, rate, bearer); // warm-up
    var result = await LoadGenerator.RunAsync(url, duration, connections, rate, bearer);
    figures[name] = result;
    Console.WriteLine($"{name,-40} {result.RequestsPerSecond,10:N0} {result.P50,8:0.00} {result.P99,8:0.00}  {string.Join(' ', result.Statuses.Select(pair => $"{pair.Key}×{pair.Value}"))}");
}

Console.WriteLine();
var ratio = figures["GET /api/track/{id} (max)"].RequestsPerSecond / figures["bare GET /ping (max)"].RequestsPerSecond;
Console.WriteLine($"/api/track/{{id}} at {ratio:P0} of the bare endpoint's requests/s");
await bare.StopAsync();
