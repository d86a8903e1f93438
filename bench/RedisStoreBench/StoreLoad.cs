using System.Diagnostics;
using OrderConsole.Core.Orders;
using OrderConsole.Core.Service;

namespace RedisStoreBench;

/// <summary>Rate and per-command latency of one kind of order command over a whole run.</summary>
internal sealed record StoreFigures(int Commands, double PerSecond, double P50Milliseconds, double P99Milliseconds);

/// <summary>
/// Drives <see cref="OrderService"/> over the Redis store with N concurrent callers on one shared connection:
/// first the callers create the orders, then each caller takes the next order and walks it through supplier
/// accept → customer accept → preparing → ready, one awaited command at a time, as the supplier and customer
/// pages would. Every command is timed on its own.
/// </summary>
internal static class StoreLoad
{
    public static readonly Supplier Supplier = new("bench", "Bench Pizzeria", "BEN");

    public static readonly Actor SupplierActor = new("bench-supplier", Role.Supplier, Supplier.Id);
    private static readonly Actor s_customer = new("bench-customer", Role.Customer);
    private static readonly CreateOrder s_order = new(Supplier.Id, [new OrderItem("Margherita", 1, 11.5m)]);
    private static readonly CustomerDetails s_customerDetails = new("Bench Customer", "+1 555 0100", "1 Bench Street");

    public static async Task<(StoreFigures Create, StoreFigures Transition)> RunAsync(OrderService orders, int callers, int orderCount)
    {
        var ids = new Guid[orderCount];
        var create = await MeasureAsync(callers, orderCount, stepsPerOrder: 1, async (index, _) =>
            ids[index] = (await orders.CreateAsync(SupplierActor, s_order)).Id);
        var transition = await MeasureAsync(callers, orderCount, stepsPerOrder: 4, (index, step) => step switch
        {
            0 => orders.AcceptAsSupplierAsync(SupplierActor, ids[index], notes: null, estimatedMinutes: 20),
            1 => orders.AcceptOfferAsync(s_customer, ids[index], s_customerDetails),
            2 => orders.AdvanceAsync(SupplierActor, ids[index], OrderStatus.Preparing),
            _ => orders.AdvanceAsync(SupplierActor, ids[index], OrderStatus.Ready),
        });
        return (create, transition);
    }

    /// <summary>
    /// Runs <paramref name="stepsPerOrder"/> commands for each of <paramref name="orderCount"/> orders, in
    /// order per order, spread over <paramref name="callers"/> workers that each take the next order.
    /// </summary>
    private static async Task<StoreFigures> MeasureAsync(int callers, int orderCount, int stepsPerOrder, Func<int, int, Task> command)
    {
        var next = -1;
        var latencies = new List<double>[callers];
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, callers).Select(caller => Task.Run(async () =>
        {
            var mine = latencies[caller] = new List<double>(orderCount * stepsPerOrder / callers + stepsPerOrder);
            for (var index = Interlocked.Increment(ref next); index < orderCount; index = Interlocked.Increment(ref next))
            {
                for (var step = 0; step < stepsPerOrder; step++)
                {
                    var started = Stopwatch.GetTimestamp();
                    await command(index, step);
                    mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
            }
        }));
        await Task.WhenAll(workers);
        var elapsed = clock.Elapsed;
        var sorted = latencies.SelectMany(list => list).Order().ToArray();
        return new StoreFigures(sorted.Length, sorted.Length / elapsed.TotalSeconds, Percentile(sorted, 0.50), Percentile(sorted, 0.99));
    }

    /// <summary>Creates <paramref name="count"/> orders, <paramref name="callers"/> at a time, for a run that needs them ready.</summary>
    public static async Task<IReadOnlyList<Guid>> CreateOrdersAsync(OrderService orders, int callers, int count)
    {
        var ids = new Guid[count];
        await MeasureAsync(callers, count, stepsPerOrder: 1, async (index, _) => ids[index] = (await orders.CreateAsync(SupplierActor, s_order)).Id);
        return ids;
    }

    // Nearest rank: the smallest latency at or below which the given share of commands finished.
    public static double Percentile(double[] sorted, double share) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Max(0, (int)Math.Ceiling(share * sorted.Length) - 1)];
}
