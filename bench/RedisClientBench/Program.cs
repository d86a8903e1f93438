using System.Globalization;
using OrderConsole.Core.Redis;
using OrderConsole.Core.Service;
using OrderConsole.Core.Storage.Redis;
using RedisClientBench;

// Usage: dotnet run -c Release --project bench/RedisClientBench [-- requests [orders]]
// redis-server and redis-benchmark are taken from the PATH (override with REDIS_SERVER / REDIS_BENCHMARK).
var requests = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 200_000;
var orderCount = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5_000;
int[] concurrencies = [1, 50];

await using var server = await RedisServerProcess.StartAsync();
await using var redis = await RedisConnection.ConnectAsync($"127.0.0.1:{server.Port},commandTimeout=30000");
var script = new RedisScript("return redis.call('GET', KEYS[1])");
await redis.ExecuteAsync("SET", ClientLoad.Key, ClientLoad.Value);
await redis.ExecuteAsync("SCRIPT", "LOAD", script.Text);

Console.WriteLine($"redis-server {server.Version} on 127.0.0.1:{server.Port}; {Environment.ProcessorCount} cores; " +
    $"{requests:N0} requests per run; value {ClientLoad.Value.Length} bytes; one shared connection for our client");
Console.WriteLine();
Console.WriteLine($"{"command",-8} {"callers",7} {"our client ops/s",17} {"redis-benchmark rps",20} {"ratio",7}");

var operations = new (string Name, Func<RedisConnection, Task> Run, string[] ToolArgs)[]
{
    ("SET", r => r.ExecuteAsync("SET", ClientLoad.Key, ClientLoad.Value), ["-t", "set"]),
    ("GET", r => r.ExecuteAsync("GET", ClientLoad.Key), ["-t", "get"]),
    ("EVALSHA", r => r.EvaluateAsync(script, [ClientLoad.Key]), ["EVALSHA", script.Sha1, "1", ClientLoad.Key]),
};

foreach (var callers in concurrencies)
{
    foreach (var (name, run, toolArgs) in operations)
    {
        await ClientLoad.RunAsync(redis, run, callers, requests / 10); // warm-up
        var ours = await ClientLoad.RunAsync(redis, run, callers, requests);
        var theirs = await RedisBenchmarkTool.RunAsync(server.Port, callers, requests, toolArgs);
        Console.WriteLine($"{name,-8} {callers,7} {ours,17:N0} {theirs,20:N0} {ours / theirs,7:P0}");
    }
}

// The store: the same shared connection, through OrderService as the pages use it (each transition reads the
// order, checks the rules, then runs one Lua script that checks again and writes hash, indexes, feed, history).
var store = new RedisOrderStore(redis, new RedisStoreOptions(), TimeProvider.System);
var orders = new OrderService(store, TimeProvider.System);
await store.SaveSupplierAsync(StoreLoad.Supplier);

Console.WriteLine();
Console.WriteLine($"OrderService over RedisOrderStore: {orderCount:N0} new orders per run, each then taken through " +
    "supplier accept -> customer accept -> preparing -> ready; latency per command");
Console.WriteLine();
Console.WriteLine($"{"command",-11} {"callers",7} {"commands",9} {"per second",11} {"p50 ms",8} {"p99 ms",8}");
foreach (var callers in concurrencies)
{
    await StoreLoad.RunAsync(orders, callers, Math.Max(callers, orderCount / 10)); // warm-up
    var (create, transition) = await StoreLoad.RunAsync(orders, callers, orderCount);
    foreach (var (name, figures) in new[] { ("create", create), ("transition", transition) })
    {
        Console.WriteLine($"{name,-11} {callers,7} {figures.Commands,9:N0} {figures.PerSecond,11:N0} {figures.P50Milliseconds,8:F3} {figures.P99Milliseconds,8:F3}");
    }
}
