using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using OrderConsole.Core.Service;
using OrderConsole.Core.Settings;
using OrderConsole.Core.Sla;
using OrderConsole.Core.Storage;
using OrderConsole.Core.Workers;
using RedisStoreBench;

/// <summary>
/// The SLA watcher is no feed worker: time alone makes an order late, so it looks at every open order each interval.
/// Its figure is orders looked at per second: 1,000 orders accepted with a 20-minute estimate, then one look two hours
/// later (every one of them late: an alert written each) and a second look (nothing left to raise).
/// </summary>
internal static class SlaRun
{
    private const int Orders = 1_000;

    public static async Task RunAsync(string storeName, OrderService orders, IOrderStore store)
    {
        await store.SaveSupplierAsync(StoreLoad.Supplier);
        var ids = await StoreLoad.CreateOrdersAsync(orders, callers: 8, Orders);
        await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (id, stop) =>
            await orders.AcceptAsSupplierAsync(StoreLoad.SupplierActor, id, null, 20, cancellationToken: stop));

        using var metrics = new SlaMetrics(meters: null);
        var defaults = new ConsoleSettings { Currency = "USD", DefaultMarkupPercentage = 30m, LateThresholdMinutes = 10, TimeZone = "UTC" };
        var watcher = new SlaWatcher(store, new SlaOptions(), defaults, new WorkerStatusBoard(), metrics, new LaterClock(TimeSpan.FromHours(2)), NullLogger<SlaWatcher>.Instance);
        var clock = Stopwatch.StartNew();
        var raised = await watcher.CheckAsync();
        var raising = clock.Elapsed;
        clock.Restart();
        var again = await watcher.CheckAsync();
        var quiet = clock.Elapsed;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{storeName,-14} {SlaWatcher.Name,-13} {Orders / raising.TotalSeconds,9:0} orders/s  a look raising {raised} alerts took {raising.TotalMilliseconds:0} ms; the next look ({again} raised) {quiet.TotalMilliseconds:0} ms ({Orders / quiet.TotalSeconds:0} orders/s)"));
    }

    /// <summary>The system clock moved on by a fixed span: the orders' estimates are long past.</summary>
    private sealed class LaterClock(TimeSpan ahead) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + ahead;
    }
}
