using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using OrderConsole.Core.AutoDispatch;
using OrderConsole.Core.Drivers;
using OrderConsole.Core.Orders;
using OrderConsole.Core.Service;
using OrderConsole.Core.Settings;
using OrderConsole.Core.Storage;
using OrderConsole.Core.Workers;
using RedisStoreBench;

/// <summary>
/// Ready → auto-dispatched: orders walked to preparing, one available driver each near the pickup, then every order
/// marked ready (8 callers) while the auto-dispatch worker follows; the latency is each order's dispatched-at minus its
/// ready-at, and the rate is ready events decided over the time from the first ready to the last dispatch.
/// </summary>
internal static class AutoDispatchRun
{
    private const int Orders = 300;

    public static async Task RunAsync(string storeName, OrderService orders, IOrderStore store, IWorkerStreams streams)
    {
        var supplier = StoreLoad.Supplier with { Latitude = 40.0, Longitude = -74.0 };
        await store.SaveSupplierAsync(supplier);
        await store.SaveSettingsAsync(
            new ConsoleSettings { Currency = "USD", DefaultMarkupPercentage = 30m, LateThresholdMinutes = 10, TimeZone = "UTC", AutoDispatch = true, AutoDispatchRadiusKm = 3 }, "bench");
        for (var i = 0; i < Orders; i++)
        {
            await store.SaveDriverAsync(
                new Driver { Id = $"bench-driver-{i}", Name = $"Driver {i}", Vehicle = "bike", Latitude = 40.0 + (i * 0.00001), Longitude = -74.0 }, "bench");
        }

        var ids = await StoreLoad.CreateOrdersAsync(orders, callers: 8, Orders);
        var customer = new CustomerDetails("Bench Customer", "+1 555 0100", "1 Bench Street");
        await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (id, stop) =>
        {
            await orders.AcceptAsSupplierAsync(StoreLoad.SupplierActor, id, null, 20, cancellationToken: stop);
            await orders.AcceptOfferAsync(new Actor("bench-customer", Role.Customer), id, customer, cancellationToken: stop);
            await orders.AdvanceAsync(StoreLoad.SupplierActor, id, OrderStatus.Preparing, cancellationToken: stop);
        });

        var board = new WorkerStatusBoard();
        using var metrics = new WorkerMetrics(board, meters: null);
        var worker = new AutoDispatchWorker(store, orders, NullLogger<AutoDispatchWorker>.Instance);
        using var runner = new FeedWorkerRunner([worker], streams, new FeedWorkerOptions(), board, metrics, TimeProvider.System, NullLogger<FeedWorkerRunner>.Instance);
        await runner.StartAsync(CancellationToken.None);
        while (board.Find(worker.Name)?.MeasuredAt is null)
        {
            await Task.Delay(10);
        }

        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (id, stop) => await orders.AdvanceAsync(StoreLoad.SupplierActor, id, OrderStatus.Ready, cancellationToken: stop));
        var decided = Array.Empty<Order>();
        while (decided.Length < Orders)
        {
            await Task.Delay(50);
            decided = [.. (await Task.WhenAll(ids.Select(id => store.GetAsync(id)))).Where(order => order is { Status: OrderStatus.Dispatched }).Select(order => order!)];
        }

        var elapsed = clock.Elapsed;
        await runner.StopAsync(CancellationToken.None);
        var latencies = decided.Select(order => (order.DispatchedAt!.Value - order.ReadyAt!.Value).TotalMilliseconds).Order().ToArray();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{storeName,-14} {worker.Name,-13} {Orders / elapsed.TotalSeconds,9:0} events/s  ready → auto-dispatched p50 {StoreLoad.Percentile(latencies, 0.50):0.0} ms, p99 {StoreLoad.Percentile(latencies, 0.99):0.0} ms ({Orders} orders, 8 callers)"));
    }
}
