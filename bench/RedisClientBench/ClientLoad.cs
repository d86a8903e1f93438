using System.Diagnostics;
using OrderConsole.Core.Redis;

namespace RedisClientBench;

/// <summary>Drives one shared connection with N concurrent callers, each awaiting its own command in a loop, like redis-benchmark -c N.</summary>
internal static class ClientLoad
{
    // The same key and 3-byte value redis-benchmark uses by default (-d 3, no -r).
    public const string Key = "key:__rand_int__";
    public const string Value = "xxx";

    public static async Task<double> RunAsync(RedisConnection redis, Func<RedisConnection, Task> command, int callers, int requests)
    {
        var perCaller = requests / callers;
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, callers).Select(_ => Task.Run(async () =>
        {
            for (var i = 0; i < perCaller; i++)
            {
                await command(redis);
            }
        }));
        await Task.WhenAll(workers);
        return perCaller * callers / clock.Elapsed.TotalSeconds;
    }
}
