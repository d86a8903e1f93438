using System.Globalization;
using OrderConsole.Core.Events;
using OrderConsole.Core.Orders;
using OrderConsole.Core.Service;
using OrderConsole.Core.Storage.Redis;
using RedisStoreBench;

// Usage: dotnet run -c Release --project bench/RedisStoreBench [-- orders [redis-benchmark requests [feed rate]]]
// redis-server and redis-benchmark are taken from the PATH (override with REDIS_SERVER / REDIS_BENCHMARK).
var orderCount = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 5_000;
var requests = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 50_000;
var feedRate = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 1_000;
int[] concurrencies = [1, 50];

await using var server = await RedisServerProcess.StartAsync();
var configuration = $"127.0.0.1:{server.Port},asyncTimeout=30000";
await using var redis = await RedisStoreConnection.ConnectAsync(configuration);
var store = new RedisOrderStore(redis, new RedisStoreOptions(), TimeProvider.System);
var orders = new OrderService(store, TimeProvider.System);
await store.SaveSupplierAsync(StoreLoad.Supplier);

// The equivalent script for redis-benchmark, with an order and an event as large as the store's.
var sample = await orders.CreateAsync(StoreLoad.SupplierActor, new CreateOrder(StoreLoad.Supplier.Id, [new OrderItem("Margherita", 1, 11.5m)]));
var orderJson = WireJson.Serialize(sample with { Status = OrderStatus.SupplierAccepted, Version = 2 });
var eventJson = WireJson.Serialize(OrderEvent.ForOrder(OrderEventTypes.ForStatus(OrderStatus.SupplierAccepted), sample, "bench-supplier", correlationId: null));
var sha = Convert.ToHexStringLower(await redis.Multiplexer.GetServer(redis.Multiplexer.GetEndPoints()[0]).ScriptLoadAsync(EquivalentScript.Text));

Console.WriteLine($"redis-server {server.Version} on 127.0.0.1:{server.Port}; {Environment.ProcessorCount} cores; StackExchange.Redis, one multiplexer; " +
    $"{orderCount:N0} orders per run, each created then taken through supplier accept -> customer accept -> preparing -> ready");
Console.WriteLine($"redis-benchmark: EVALSHA of one script doing what a transition script does (order {orderJson.Length} B, event {eventJson.Length} B), " +
    $"{requests:N0} requests, -c callers");
Console.WriteLine();
Console.WriteLine($"{"callers",7} {"creates/s",10} {"transitions/s",14} {"p50 ms",8} {"p99 ms",8} {"redis-benchmark/s",18} {"ratio",7}");
foreach (var callers in concurrencies)
{
    await StoreLoad.RunAsync(orders, callers, Math.Max(callers, orderCount / 10)); // warm-up
    var (create, transition) = await StoreLoad.RunAsync(orders, callers, orderCount);
    var equivalent = await RedisBenchmarkTool.RunAsync(server.Port, callers, requests, ["-r", "1000000", "EVALSHA", sha, "0", "__rand_int__", orderJson, eventJson]);
    Console.WriteLine($"{callers,7} {create.PerSecond,10:N0} {transition.PerSecond,14:N0} {transition.P50Milliseconds,8:F3} {transition.P99Milliseconds,8:F3} " +
        $"{equivalent,18:N0} {transition.PerSecond / equivalent,7:P0}");
}

// The feed on a second instance: its own multiplexer, woken by the wake-up each write publishes.
await using var secondRedis = await RedisStoreConnection.ConnectAsync(configuration);
await using var secondFeed = new RedisOrderFeed(secondRedis, new RedisStoreOptions());
await FeedLatency.RunAsync(orders, secondFeed, await StoreLoad.CreateOrdersAsync(orders, 50, feedRate), feedRate); // warm-up, one second
var feedOrders = await StoreLoad.CreateOrdersAsync(orders, 50, feedRate * 5);
var (events, p50, p99, rate) = await FeedLatency.RunAsync(orders, secondFeed, feedOrders, feedRate);
Console.WriteLine();
Console.WriteLine($"feed, commit -> applied on a second instance at {rate:N0} transitions/s ({events:N0} events): p50 {p50:F2} ms, p99 {p99:F2} ms");
