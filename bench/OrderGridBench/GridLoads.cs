using System.Diagnostics;
using MudBlazor;
using OrderConsole.Components.Pages;
using OrderConsole.Core.Live;
using OrderConsole.Core.Orders;

namespace OrderGridBench;

/// <summary>Latency and allocations of one kind of grid load, over many loads.</summary>
internal sealed record LoadFigures(string Name, int Total, double P50Milliseconds, double P99Milliseconds, double AllocatedBytes);

/// <summary>
/// Times <see cref="OrderPage.Load"/> — exactly what the All orders page runs when its grid asks for server data —
/// one load at a time on this thread, with the bytes this thread allocated for each load.
/// </summary>
internal static class GridLoads
{
    public const int PageSize = 20;

    public static LoadFigures Measure(string name, LiveOrders live, OrderSearch search, SortDefinition<Order>[] sorts, int page, int loads)
    {
        for (var warmUp = 0; warmUp < Math.Max(20, loads / 10); warmUp++)
        {
            OrderPage.Load(live, search, sorts, page, PageSize);
        }

        var milliseconds = new double[loads];
        long allocated = 0;
        var total = 0;
        for (var load = 0; load < loads; load++)
        {
            var bytesBefore = GC.GetAllocatedBytesForCurrentThread();
            var started = Stopwatch.GetTimestamp();
            var result = OrderPage.Load(live, search, sorts, page, PageSize);
            milliseconds[load] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            allocated += GC.GetAllocatedBytesForCurrentThread() - bytesBefore;
            total = result.Total;
        }

        Array.Sort(milliseconds);
        return new LoadFigures(name, total, Percentile(milliseconds, 0.50), Percentile(milliseconds, 0.99), (double)allocated / loads);
    }

    /// <summary>A grid column's sort as MudDataGrid hands it to the server-data callback.</summary>
    public static SortDefinition<Order> By(string column, Func<Order, object> key, bool descending = false) =>
        new(column, descending, 0, key);

    // Nearest rank: the smallest latency at or below which the given share of loads finished.
    private static double Percentile(double[] sorted, double share) =>
        sorted[Math.Max(0, (int)Math.Ceiling(share * sorted.Length) - 1)];
}
