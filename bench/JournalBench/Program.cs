using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using OrderConsole.Core.Service;
using OrderConsole.Core.Storage.InMemory;
using OrderConsole.Core.Storage.Journal;
using RedisStoreBench;

// Usage: dotnet run -c Release --project bench/JournalBench [-- orders [replay orders]]
// Runs in a temporary folder (set TMPDIR to measure another disk) and deletes what it wrote.
var orderCount = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 5_000;
var replayOrders = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 50_000;
int[] concurrencies = [1, 16];
var root = Path.Combine(Path.GetTempPath(), "oc-journal-bench-" + Guid.NewGuid().ToString("N"));

try
{
    Console.WriteLine($"embedded store with its journal in {Path.GetTempPath()}; {Environment.ProcessorCount} cores; " +
        $"{orderCount:N0} orders per run, each created then taken through supplier accept -> customer accept -> preparing -> ready");
    Console.WriteLine();
    Console.WriteLine($"{"fsync",9} {"callers",7} {"creates/s",10} {"transitions/s",14} {"p50 ms",8} {"p99 ms",8} {"journal MB",11}");
    foreach (var fsync in new[] { JournalFsync.EverySec, JournalFsync.Always, JournalFsync.No })
    {
        foreach (var callers in concurrencies)
        {
            var folder = Path.Combine(root, $"{fsync}-{callers}");
            using var store = Open(folder, fsync);
            var orders = new OrderService(store.Orders, TimeProvider.System);
            await store.Orders.SaveSupplierAsync(StoreLoad.Supplier);
            await StoreLoad.RunAsync(orders, callers, Math.Max(callers, orderCount / 10)); // warm-up
            var (create, transition) = await StoreLoad.RunAsync(orders, callers, orderCount);
            Console.WriteLine($"{fsync.ToString().ToLowerInvariant(),9} {callers,7} {create.PerSecond,10:N0} {transition.PerSecond,14:N0} " +
                $"{transition.P50Milliseconds,8:F3} {transition.P99Milliseconds,8:F3} {store.Journal!.Length / 1048576.0,11:F1}");
        }
    }

    Console.WriteLine();
    Console.WriteLine($"replay: {replayOrders:N0} orders, 5 writes each, then a start reads them back; then compacted (one frame per 500 changes) and read again");
    Console.WriteLine($"{"journal",12} {"frames",10} {"changes",10} {"MB",8} {"replay ms",10} {"changes/s",12}");
    var replayFolder = Path.Combine(root, "replay");
    using (var store = Open(replayFolder, JournalFsync.No))
    {
        var orders = new OrderService(store.Orders, TimeProvider.System);
        await store.Orders.SaveSupplierAsync(StoreLoad.Supplier);
        await StoreLoad.RunAsync(orders, 4, replayOrders);
    }

    Replay(replayFolder, "as written");
    using (var store = Open(replayFolder, JournalFsync.No))
    {
        await store.Journal!.CompactAsync();
    }

    Replay(replayFolder, "compacted");
}
finally
{
    if (Directory.Exists(root))
    {
        Directory.Delete(root, recursive: true);
    }
}

static EmbeddedStore Open(string folder, JournalFsync fsync) =>
    EmbeddedStore.Open(new JournalOptions { DataPath = folder, Fsync = fsync, CompactionThresholdBytes = long.MaxValue }, TimeProvider.System, NullLogger.Instance);

static void Replay(string folder, string label)
{
    var started = Stopwatch.GetTimestamp();
    using var store = Open(folder, JournalFsync.No);
    var elapsed = Stopwatch.GetElapsedTime(started);
    var replayed = store.Journal!.Replayed!;
    Console.WriteLine($"{label,12} {replayed.Writes,10:N0} {replayed.Changes,10:N0} {replayed.Bytes / 1048576.0,8:F1} {elapsed.TotalMilliseconds,10:F0} {replayed.Changes / elapsed.TotalSeconds,12:N0}");
}
