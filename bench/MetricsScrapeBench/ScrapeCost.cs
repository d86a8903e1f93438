using System.Diagnostics;
using Prometheus;

namespace MetricsScrapeBench;

/// <summary>Times scrapes of a registry after a warm-up and counts what they allocate.</summary>
internal static class ScrapeCost
{
    public static async Task<string> MeasureAsync(CollectorRegistry registry, int scrapes)
    {
        using var buffer = new MemoryStream();
        await ScrapeAsync(registry, buffer);
        var text = System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var families = lines.Count(line => line.StartsWith("# TYPE ", StringComparison.Ordinal));
        var samples = lines.Count(line => line[0] != '#');
        for (var i = 0; i < 200; i++)
        {
            await ScrapeAsync(registry, buffer);
        }

        var times = new double[scrapes];
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        for (var i = 0; i < scrapes; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await ScrapeAsync(registry, buffer);
            times[i] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
        }

        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        Array.Sort(times);
        return $"{families} families, {samples:N0} samples, {text.Length:N0} characters; {scrapes:N0} scrapes: "
            + $"median {times[scrapes / 2]:N0} µs, p99 {times[(int)(scrapes * 0.99)]:N0} µs, allocated {allocated / scrapes:N0} bytes per scrape";
    }

    private static Task ScrapeAsync(CollectorRegistry registry, MemoryStream buffer)
    {
        buffer.SetLength(0);
        return registry.CollectAndExportAsTextAsync(buffer);
    }
}
