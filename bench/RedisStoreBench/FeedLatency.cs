using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using OrderConsole.Core.Orders;
using OrderConsole.Core.Service;
using OrderConsole.Core.Storage;

namespace RedisStoreBench;

/// <summary>
/// Commit → applied on another instance: one instance applies transitions at a steady rate; a second instance,
/// with a multiplexer and feed of its own, follows the feed as the read model does (woken by the wake-up, then
/// XREAD) and notes when each change arrives. A change counts from its commit — the server's clock in the
/// stream entry's id, whole milliseconds, so each figure is high by up to 1 ms — to the moment the second instance
/// has read it (same machine, same clock).
/// </summary>
internal static class FeedLatency
{
    public static async Task<(int Events, double P50Milliseconds, double P99Milliseconds, double Rate)> RunAsync(
        OrderService writer, IOrderFeed follower, IReadOnlyList<Guid> orders, int perSecond)
    {
        var expected = orders.ToHashSet();
        var latencies = new ConcurrentBag<double>();
        using var stop = new CancellationTokenSource();
        var position = await follower.GetLatestEventIdAsync();
        var reading = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                FeedBatch batch;
                try
                {
                    batch = await follower.ReadAfterAsync(position, 500, TimeSpan.FromSeconds(5), stop.Token);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                var now = (DateTime.UtcNow - DateTime.UnixEpoch).TotalMilliseconds;
                foreach (var change in batch.Events)
                {
                    position = change.EventId;
                    if (change.Order is { Status: OrderStatus.SupplierAccepted } order && expected.Contains(order.Id))
                    {
                        var committed = long.Parse(change.EventId.AsSpan(0, change.EventId.IndexOf('-', StringComparison.Ordinal)), CultureInfo.InvariantCulture);
                        latencies.Add(now - committed);
                    }
                }
            }
        });

        // Ten transitions every 10 ms (at 1,000/s), each on an order of its own, not waiting for the previous ones.
        var perTick = Math.Max(1, perSecond / 100);
        var pending = new List<Task>(orders.Count);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < orders.Count; i++)
        {
            var due = TimeSpan.FromSeconds((double)i / perSecond);
            if (i % perTick == 0 && clock.Elapsed < due)
            {
                await Task.Delay(due - clock.Elapsed);
            }

            pending.Add(writer.AcceptAsSupplierAsync(StoreLoad.SupplierActor, orders[i], notes: null, estimatedMinutes: 20));
        }

        await Task.WhenAll(pending);
        var rate = orders.Count / clock.Elapsed.TotalSeconds;
        while (latencies.Count < orders.Count && clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            await Task.Delay(50);
        }

        await stop.CancelAsync();
        await reading;
        var sorted = latencies.Order().ToArray();
        return (sorted.Length, StoreLoad.Percentile(sorted, 0.50), StoreLoad.Percentile(sorted, 0.99), rate);
    }
}
