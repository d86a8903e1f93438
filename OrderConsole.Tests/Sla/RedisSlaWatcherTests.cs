using Microsoft.Extensions.Time.Testing;
using OrderConsole.Core.Orders;
using OrderConsole.Tests.Infrastructure;
using OrderConsole.Tests.Support;
using static OrderConsole.Tests.Sla.SlaWatcherParts;

namespace OrderConsole.Tests.Sla;

/// <summary>The SLA watcher on real Redis: two instances watching one store raise each alert once.</summary>
[Collection(RedisCollection.Name)]
public sealed class RedisSlaWatcherTests(RedisServerFixture server)
{
    [Fact]
    public async Task Two_instances_watching_one_store_raise_each_alert_once()
    {
        await using var one = await RedisMarket.OpenNewAsync(server);
        await using var two = await one.JoinAsync(server);
        var late = await Marketplace.WalkAsync(one.Orders, await one.CreateOrderAsync(), OrderStatus.Preparing);
        var atRisk = await one.CreateOrderAsync();
        await one.Orders.AcceptAsSupplierAsync(Marketplace.LuigisSupplier, atRisk.Id, notes: null, estimatedMinutes: 60);
        atRisk = await one.Orders.AcceptOfferAsync(Marketplace.Customer, atRisk.Id, Marketplace.Maya);

        // 41 minutes on: the first order's ETA (30 min) passed 11 minutes ago; the second (ETA 60 min) is predicted 25
        // minutes on, at 66 min, after its ETA.
        var clock = new FakeTimeProvider(late.EstimatedArrival!.Value.AddMinutes(11));
        var first = Watcher(one.Store, clock);
        var second = Watcher(two.Store, clock);

        for (var round = 0; round < 3; round++)
        {
            await Task.WhenAll(first.CheckAsync(), second.CheckAsync());
        }

        Assert.Equal(1, await CountAsync(one.Store, late.Id, Late));
        Assert.Equal(1, await CountAsync(one.Store, atRisk.Id, AtRisk));
        Assert.Equal(0, await CountAsync(one.Store, atRisk.Id, Late));
    }
}
