using System.Globalization;
using MetricsScrapeBench;

// Usage: dotnet run -c Release --project bench/MetricsScrapeBench [-- scrapes [typical-routes large-routes]]
// Measures one /metrics scrape as the endpoint makes it: the registry's collect callbacks (our observable
// instruments, the meter adapter's, the process metrics) and the text serialization into a buffer.
var scrapes = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 2_000;
var typicalRoutes = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1;
var largeRoutes = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 25;

Console.WriteLine($"{Environment.ProcessorCount} cores, .NET {Environment.Version}");
foreach (var (label, routes) in new[] { ("typical", typicalRoutes), ("large", largeRoutes) })
{
    using var instance = BusyInstance.Start(routes);
    var result = await ScrapeCost.MeasureAsync(instance.Registry, scrapes);
    Console.WriteLine($"{label} scrape ({routes} HTTP route(s)): {result}");
}
