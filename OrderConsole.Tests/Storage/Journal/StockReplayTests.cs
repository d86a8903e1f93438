using OrderConsole.Core.Orders;
using OrderConsole.Core.Service;
using OrderConsole.Tests.Support;

namespace OrderConsole.Tests.Storage.Journal;

/// <summary>An embedded store reopened on its data folder keeps stock levels, reservations and discount-code uses.</summary>
public sealed class StockReplayTests : IDisposable
{
    private readonly JournalFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData(64L * 1024 * 1024)]
    [InlineData(1L)]
    public async Task Stock_levels_and_code_uses_survive_a_restart_replayed_or_compacted(long compactionThresholdBytes)
    {
        Order accepted;
        using (var store = _folder.Open(compactionThresholdBytes: compactionThresholdBytes))
        {
            await store.Orders.SaveSupplierAsync(Samples.Luigis with
            {
                PricingRules = new PricingRules { DiscountCodes = [new DiscountCode("WELCOME", DiscountKind.Amount, 1m) { UsageLimit = 2 }] },
            });
            await store.Orders.SetStockAsync("luigis", "Margherita", 9);
            await store.Orders.SetStockAsync("luigis", "Tiramisu", 3);
            await store.Orders.SetStockAsync("luigis", "Tiramisu", null);
            var orders = new OrderService(store.Orders, _folder.Clock);
            var created = await orders.CreateAsync(Marketplace.LuigisSupplier, new CreateOrder("luigis", [new OrderItem("Margherita", 4, 10m)]));
            await orders.AcceptAsSupplierAsync(Marketplace.LuigisSupplier, created.Id, null, 30);
            accepted = await orders.AcceptOfferAsync(Marketplace.Customer, created.Id, Marketplace.Maya with { DiscountCode = "WELCOME" });
        }

        using var reopened = _folder.Open(compactionThresholdBytes: compactionThresholdBytes);

        Assert.Equal(5, Assert.Single(await reopened.Orders.GetStockAsync("luigis")).Quantity);
        Assert.Equal(1, (await reopened.Orders.GetDiscountUsesAsync("luigis"))["WELCOME"]);
        var order = (await reopened.Orders.GetAsync(accepted.Id))!;
        Assert.Equal([new StockReservation("Margherita", 4)], order.ReservedStock);
        Assert.Equal(accepted.Charges, order.Charges);
        var code = Assert.Single((await reopened.Orders.ListSuppliersAsync()).Single().PricingRules!.DiscountCodes);
        Assert.Equal(("WELCOME", 2), (code.Code, code.UsageLimit));
    }
}
