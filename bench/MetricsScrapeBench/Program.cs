using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using MetricsScrapeBench;
using OrderConsole.Observability;

// Usage: dotnet run -c Release --project bench/MetricsScrapeBench [-- scrapes [routes]]
// Measures MetricsCollector.WriteTo into a string, as /metrics does: observable callbacks, formatting, the copy.
var scrapes = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 2_000;
var routes = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 25;

using var http = new Meter(BusyInstance.HttpMeterName);
var options = new MetricsOptions();
options.Meters = [.. options.Meters, BusyInstance.HttpMeterName];
using var collector = new MetricsCollector(options);
BusyInstance.Record(http, routes);

string Scrape()
{
    using var text = new StringWriter(CultureInfo.InvariantCulture);
    collector.WriteTo(text);
    return text.ToString();
}

var sample = Scrape();
var lines = sample.Split('\n', StringSplitOptions.RemoveEmptyEntries);
for (var i = 0; i < 200; i++)
{
    Scrape();
}

var times = new double[scrapes];
var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
var total = Stopwatch.StartNew();
for (var i = 0; i < scrapes; i++)
{
    var start = Stopwatch.GetTimestamp();
    Scrape();
    times[i] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
}

total.Stop();
var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
Array.Sort(times);

Console.WriteLine($"{Environment.ProcessorCount} cores; {collector.Families.Count} families, {lines.Count(line => line[0] != '#')} samples, {sample.Length:N0} characters per scrape");
Console.WriteLine($"{scrapes:N0} scrapes: mean {total.Elapsed.TotalMicroseconds / scrapes:N0} µs, p50 {times[scrapes / 2]:N0} µs, p99 {times[(int)(scrapes * 0.99)]:N0} µs, allocated {allocated / scrapes:N0} bytes per scrape");
