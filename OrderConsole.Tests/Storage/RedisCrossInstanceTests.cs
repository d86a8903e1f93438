using OrderConsole.Core.Demo;
using OrderConsole.Core.Drivers;
using OrderConsole.Core.Live;
using OrderConsole.Core.Orders;
using OrderConsole.Core.Service;
using OrderConsole.Tests.Infrastructure;
using OrderConsole.Tests.Support;

namespace OrderConsole.Tests.Storage;

/// <summary>Several console instances on one Redis: they see each other's changes and race fairly.</summary>
[Collection(RedisCollection.Name)]
public sealed class RedisCrossInstanceTests(RedisServerFixture server)
{
    private const int Racers = 1_000;

    [Fact]
    public async Task A_change_made_on_one_instance_reaches_the_read_model_and_subscribers_of_another()
    {
        await using var first = await RedisMarket.OpenNewAsync(server);
        await using var second = await first.JoinAsync(server);
        await second.StartLiveAsync();
        var heard = 0;
        using var subscription = second.Live.Subscribe(LiveFilter.Everything, () =>
        {
            Interlocked.Increment(ref heard);
            return Task.CompletedTask;
        });

        var order = await first.CreateOrderAsync();
        await first.Orders.AcceptAsSupplierAsync(Marketplace.LuigisSupplier, order.Id, null, 20);

        await Eventually.HoldsAsync(() => second.Live.Find(order.Id)?.Status == OrderStatus.SupplierAccepted, "the second instance sees the acceptance");
        await Eventually.HoldsAsync(() => Volatile.Read(ref heard) > 0, "the second instance's subscriber is told");
    }

    [Fact]
    public async Task Two_instances_racing_a_thousand_commands_per_step_have_one_winner_per_step_and_indexes_equal_a_recount()
    {
        await using var first = await RedisMarket.OpenNewAsync(server);
        await using var second = await first.JoinAsync(server);
        var order = await first.CreateOrderAsync();
        OrderService[] instances = [first.Orders, second.Orders];
        Func<OrderService, Task<Order>>[] steps =
        [
            orders => orders.AcceptAsSupplierAsync(Marketplace.LuigisSupplier, order.Id, null, 30),
            orders => orders.AcceptOfferAsync(Marketplace.Customer, order.Id, Marketplace.Maya),
            orders => orders.AdvanceAsync(Marketplace.LuigisSupplier, order.Id, OrderStatus.Preparing),
            orders => orders.AdvanceAsync(Marketplace.LuigisSupplier, order.Id, OrderStatus.Ready),
            orders => orders.DispatchAsync(Marketplace.Dispatcher, order.Id, "drv-ana"),
            orders => orders.AdvanceAsync(Marketplace.Dispatcher, order.Id, OrderStatus.InTransit),
            orders => orders.AdvanceAsync(Marketplace.Dispatcher, order.Id, OrderStatus.Delivered),
        ];

        var winners = new List<int>();
        foreach (var step in steps)
        {
            var outcomes = await Task.WhenAll(Enumerable.Range(0, Racers).Select(async i =>
            {
                try
                {
                    await step(instances[i % 2]);
                    return true;
                }
                catch (OrderDomainException)
                {
                    return false;
                }
            }));
            winners.Add(outcomes.Count(won => won));
        }

        Assert.All(winners, count => Assert.Equal(1, count));
        var stored = (await first.Store.GetAsync(order.Id))!;
        Assert.Equal((OrderStatus.Delivered, 1L + steps.Length), (stored.Status, stored.Version));
        Assert.Equal(Enumerable.Range(1, steps.Length + 1).Select(v => (long)v), (await first.Store.GetHistoryAsync(order.Id)).Select(e => e.Version));
        Assert.Equal(DriverStatus.Available, (await first.Store.GetDriverAsync("drv-ana"))!.Status);
        await AssertIndexesMatchARecountAsync(first);
    }

    [Fact]
    public async Task Indexes_and_counts_equal_a_recount_after_many_orders_move_concurrently()
    {
        await using var first = await RedisMarket.OpenNewAsync(server);
        await using var second = await first.JoinAsync(server);
        OrderStatus[] targets = [OrderStatus.PendingSupplier, OrderStatus.SupplierAccepted, OrderStatus.CustomerAccepted, OrderStatus.Preparing, OrderStatus.Ready];

        await Task.WhenAll(Enumerable.Range(0, 60).Select(async i =>
        {
            var market = i % 2 == 0 ? first : second;
            var order = await market.CreateOrderAsync();
            await Marketplace.WalkAsync(market.Orders, order, targets[i % targets.Length]);
        }));

        await AssertIndexesMatchARecountAsync(first);
    }

    [Fact]
    public async Task Demo_data_is_seeded_once_when_two_instances_start_together()
    {
        var prefix = $"t{Guid.NewGuid():N}:";
        await using var first = await RedisMarket.JoinAsync(server, prefix);
        await using var second = await RedisMarket.JoinAsync(server, prefix);

        var seeded = await Task.WhenAll(
            DemoData.SeedIfEmptyAsync(first.Store, first.Orders),
            DemoData.SeedIfEmptyAsync(second.Store, second.Orders));

        Assert.Single(seeded, didSeed => didSeed);
        Assert.Equal(30, (await first.Store.CountByStatusAsync()).Values.Sum());
        Assert.Equal(DemoData.Suppliers.Count, (await second.Store.ListSuppliersAsync()).Count);
    }

    /// <summary>Every status set holds exactly the orders whose hash has that status, and counts are their sizes.</summary>
    private async Task AssertIndexesMatchARecountAsync(RedisMarket market)
    {
        var everyOrder = await market.Store.ListAsync(new() { Limit = int.MaxValue });
        var counts = await market.Store.CountByStatusAsync();
        foreach (var status in OrderStatusNames.All)
        {
            var recount = everyOrder.Count(order => order.Status == status);
            Assert.Equal(recount, counts[status]);
            var indexed = await market.Store.ListAsync(new() { Statuses = [status], Limit = int.MaxValue });
            Assert.Equal(everyOrder.Where(order => order.Status == status).Select(order => order.Id).Order(), indexed.Select(order => order.Id).Order());
        }

        Assert.Equal(everyOrder.Count, await market.Redis.Database.SortedSetLengthAsync(market.Options.KeyPrefix + "orders"));
        foreach (var order in everyOrder)
        {
            Assert.Equal(order.Version, (await market.Store.GetHistoryAsync(order.Id)).Count);
        }

        _ = server;
    }
}
