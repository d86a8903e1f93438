using System.Globalization;
using CircuitLoad;

// Usage: dotnet run -c Release --project bench/CircuitLoad -- [--circuits N] [--seconds S] [--page /dashboard|/orders|/dispatch|/supplier]
//        [--rate events-per-second] [--browsers pages] [--url http://host:port --password P] [--full]
// Without --url it starts its own console (embedded store, demo data) and signs in as the demo admin
// (the supplier page as the demo supplier). Ends with one line: circuits=N events=E p50_ms=… p99_ms=… max_ms=… mem_per_circuit_kb=… dropped=… missed=… folded=…
var circuits = Number("--circuits", 100);
var seconds = Number("--seconds", 30);
var rate = Number("--rate", 10);
var browsers = Number("--browsers", 2);
var page = Text("--page") ?? "/dashboard";
var url = Text("--url") is { } given ? new Uri(given) : null;
var password = Text("--password") ?? "orderconsole";
var full = args.Contains("--full");

Console.WriteLine($"{Environment.ProcessorCount} cores shared by the console, the load client{(browsers > 0 ? " and Chromium" : string.Empty)}; page {page}, {rate} order events/s");
var sizes = full ? new[] { 100, 250, 500, 1_000 } : new[] { circuits };
var results = new List<RunFigures>();
foreach (var size in sizes)
{
    var figures = await LoadRun.RunAsync(new RunOptions(size, TimeSpan.FromSeconds(seconds), page, rate, browsers, url, password), Console.Out);
    results.Add(figures);
    if (figures.Browsers is { } browser)
    {
        Console.WriteLine($"  {browser.Pages} Chromium pages, commit → DOM: p50 {browser.P50:0} ms, p99 {browser.P99:0} ms, max {browser.Max:0} ms, missed {browser.Missed}");
    }

    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"  render batches per event {figures.BatchesPerEvent:0.00}, {figures.BytesPerBatch:N0} bytes per batch, server CPU {figures.ServerCpuCores:0.00} cores, circuits opened in {figures.OpenSeconds:0.0} s"));
    Console.WriteLine($"  {figures.Line()}");
}

if (full)
{
    Console.WriteLine();
    Console.WriteLine($"| circuits | events | p50 ms | p99 ms | max ms | batches/event | bytes/batch | server CPU (cores) | KB/circuit | dropped | missed | folded | Chromium p50/p99 ms |");
    Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    foreach (var r in results)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {r.Circuits:N0} | {r.Events} | {r.P50:0} | {r.P99:0} | {r.Max:0} | {r.BatchesPerEvent:0.00} | {r.BytesPerBatch:N0} | {r.ServerCpuCores:0.00} | {r.MemoryPerCircuitKb:0} | {r.Dropped} | {r.Missed} | {r.Folded} | {(r.Browsers is { } b ? $"{b.P50:0}/{b.P99:0}" : "—")} |"));
    }
}

Console.WriteLine(results[^1].Line());

int Number(string name, int fallback) =>
    Text(name) is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;

string? Text(string name)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
}
