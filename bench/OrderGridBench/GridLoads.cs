using System.Diagnostics;
using OrderConsole.Components.Pages;
using OrderConsole.Core.Live;
using OrderConsole.Core.Orders;

namespace OrderGridBench;

/// <summary>Latency and allocations of one kind of grid load, over many loads.</summary>
internal sealed record LoadFigures(string Name, int Total, double P50Milliseconds, double P99Milliseconds, double AllocatedBytes);

/// <summary>
/// Times <see cref="OrderPage.Load"/> — exactly what the All orders page runs for each live change and each page it shows —
/// one load at a time on this thread, with the bytes this thread allocated for each load.
/// </summary>
internal static class GridLoads
{
    public const int PageSize = 20;

    public static LoadFigures Measure(string name, LiveOrders live, OrderSearch search, ColumnSort? sort, int page, int loads)
    {
        for (var warmUp = 0; warmUp < Math.Max(20, loads / 10); warmUp++)
        {
            OrderPage.Load(live, search, sort, page, PageSize);
        }

        var milliseconds = new double[loads];
        long allocated = 0;
        var total = 0;
        for (var load = 0; load < loads; load++)
        {
            var bytesBefore = GC.GetAllocatedBytesForCurrentThread();
            var started = Stopwatch.GetTimestamp();
            var result = OrderPage.Load(live, search, sort, page, PageSize);
            milliseconds[load] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            allocated += GC.GetAllocatedBytesForCurrentThread() - bytesBefore;
            total = result.Total;
        }

        Array.Sort(milliseconds);
        return new LoadFigures(name, total, Percentile(milliseconds, 0.50), Percentile(milliseconds, 0.99), (double)allocated / loads);
    }

    /// <summary>The sort a click on the All orders heading <paramref name="column"/> (twice for descending) chooses.</summary>
    public static ColumnSort By(string column, bool descending = false) =>
        new(OrderColumn.All.Single(candidate => candidate.Title == column), descending);

    // Nearest rank: the smallest latency at or below which the given share of loads finished.
    private static double Percentile(double[] sorted, double share) =>
        sorted[Math.Max(0, (int)Math.Ceiling(share * sorted.Length) - 1)];
}
