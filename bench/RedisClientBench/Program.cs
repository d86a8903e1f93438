using System.Globalization;
using OrderConsole.Core.Redis;
using RedisClientBench;

// Usage: dotnet run -c Release --project bench/RedisClientBench [-- requests]
// redis-server and redis-benchmark are taken from the PATH (override with REDIS_SERVER / REDIS_BENCHMARK).
var requests = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 200_000;
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
