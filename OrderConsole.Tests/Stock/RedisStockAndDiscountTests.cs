using OrderConsole.Core.Service;
using OrderConsole.Core.Storage;
using OrderConsole.Tests.Infrastructure;
using OrderConsole.Tests.Support;

namespace OrderConsole.Tests.Stock;

/// <summary>Stock and discount codes on a real redis-server, two instances racing: the acceptance script reserves and counts in one step.</summary>
[Collection(RedisCollection.Name)]
public sealed class RedisStockAndDiscountTests(RedisServerFixture server) : StockAndDiscountContract, IAsyncLifetime
{
    private readonly List<RedisMarket> _markets = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var market in _markets)
        {
            await market.DisposeAsync();
        }
    }

    protected override async Task<(OrderService First, OrderService Second, IOrderStore Store)> OpenAsync()
    {
        var first = await RedisMarket.OpenNewAsync(server);
        _markets.Add(first);
        var second = await first.JoinAsync(server);
        _markets.Add(second);
        return (first.Orders, second.Orders, first.Store);
    }
}
