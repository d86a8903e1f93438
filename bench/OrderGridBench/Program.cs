using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using OrderConsole.Core.Live;
using OrderConsole.Core.Orders;
using OrderConsole.Core.Storage.InMemory;
using OrderGridBench;

// Usage: dotnet run -c Release --project bench/OrderGridBench [-- orders [loads per line]]
var orderCount = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10_000;
var loads = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 500;

var feed = new InMemoryFeed();
var store = new InMemoryOrderStore(TimeProvider.System, feed);
foreach (var supplier in MarketSeed.Suppliers)
{
    await store.SaveSupplierAsync(supplier);
}

await MarketSeed.SeedAsync(store, orderCount, DateTimeOffset.UtcNow);

// The read model the page reads, following the store's feed as it does in the console.
using var live = new LiveOrders(store, feed, TimeProvider.System, new LiveOrdersOptions(), NullLogger<LiveOrders>.Instance);
await live.StartAsync(CancellationToken.None);
while (live.Orders().Count < orderCount)
{
    await Task.Delay(50);
}

Console.WriteLine($"All orders grid, server-data load (OrderPage.Load) over {orderCount:N0} orders in the read model (embedded in-memory store); " +
    $"{GridLoads.PageSize} rows a page; {loads:N0} loads per line after a warm-up; {Environment.ProcessorCount} cores, .NET {Environment.Version}");
Console.WriteLine();
Console.WriteLine($"{"load",-52} {"matching",9} {"p50 ms",8} {"p99 ms",8} {"KB/load",9}");
var everything = new OrderSearch();
var today = DateOnly.FromDateTime(DateTime.UtcNow);
OrderSearch Statuses(params OrderStatus[] statuses) => new() { Statuses = statuses.ToHashSet() };
LoadFigures[] lines =
[
    GridLoads.Measure("first page (newest change first)", live, everything, sort: null, page: 0, loads),
    GridLoads.Measure("sorted by customer, page 50", live, everything, GridLoads.By("Customer"), page: 50, loads),
    GridLoads.Measure("sorted by order code descending, last page", live, everything,
        GridLoads.By("Order", descending: true), page: (orderCount / GridLoads.PageSize) - 1, loads),
    GridLoads.Measure("filtered: status ready, first page", live, Statuses(OrderStatus.Ready), sort: null, page: 0, loads),
    GridLoads.Measure("search \"Quattro\" (item), first page", live, everything with { Text = "Quattro" }, sort: null, page: 0, loads),
    GridLoads.Measure("search \"Customer 00420\" (customer)", live, everything with { Text = "Customer 00420" }, sort: null, page: 0, loads),
    GridLoads.Measure("search \"Market Street\" (address), page 10", live, everything with { Text = "Market Street" }, sort: null, page: 10, loads),
    GridLoads.Measure("ready + search \"Napoli\" + sorted by customer", live, Statuses(OrderStatus.Ready) with { Text = "Napoli" },
        GridLoads.By("Customer"), page: 0, loads),
    GridLoads.Measure("search + statuses + supplier + days, page 2", live,
        Statuses(OrderStatus.Ready, OrderStatus.Preparing) with { Text = "Capricciosa", SupplierId = "napoli", CreatedFrom = today.AddDays(-7), CreatedTo = today },
        sort: null, page: 2, loads),
];
foreach (var line in lines)
{
    Console.WriteLine($"{line.Name,-52} {line.Total,9:N0} {line.P50Milliseconds,8:F3} {line.P99Milliseconds,8:F3} {line.AllocatedBytes / 1024,9:N0}");
}

await live.StopAsync(CancellationToken.None);
