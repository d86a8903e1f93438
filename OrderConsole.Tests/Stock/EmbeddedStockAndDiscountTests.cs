using OrderConsole.Core.Service;
using OrderConsole.Core.Storage;
using OrderConsole.Tests.Support;

namespace OrderConsole.Tests.Stock;

/// <summary>Stock and discount codes on the embedded store: its write lock is what makes reservation atomic.</summary>
public sealed class EmbeddedStockAndDiscountTests : StockAndDiscountContract
{
    protected override async Task<(OrderService First, OrderService Second, IOrderStore Store)> OpenAsync()
    {
        var market = await Marketplace.OpenAsync();
        return (market.Orders, new OrderService(market.Store, market.Clock), market.Store);
    }
}
