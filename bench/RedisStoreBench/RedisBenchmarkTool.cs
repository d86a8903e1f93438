using System.Diagnostics;
using System.Globalization;

namespace RedisStoreBench;

/// <summary>Runs redis-benchmark with the same concurrency and request count and reads its requests per second from --csv output.</summary>
internal static class RedisBenchmarkTool
{
    public static async Task<double> RunAsync(int port, int clients, int requests, string[] testArgs)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("REDIS_BENCHMARK") ?? "redis-benchmark")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])["-h", "127.0.0.1", "-p", port.ToString(CultureInfo.InvariantCulture),
                     "-c", clients.ToString(CultureInfo.InvariantCulture), "-n", requests.ToString(CultureInfo.InvariantCulture),
                     "-d", "3", "--csv", .. testArgs])
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("redis-benchmark did not start");
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();

        // --csv prints a header line, then "name","rps",... per test; one test per run here.
        var line = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .LastOrDefault(l => !l.StartsWith("\"test\"", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"redis-benchmark printed nothing usable: {output}");
        // The test's name (the command and its arguments) may itself hold commas, so count from the end: rps and six latencies.
        return double.Parse(line.Split(',')[^7].Trim('"'), CultureInfo.InvariantCulture);
    }
}
