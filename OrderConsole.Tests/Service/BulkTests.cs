using OrderConsole.Core.Drivers;
using OrderConsole.Core.Orders;
using OrderConsole.Tests.Support;

namespace OrderConsole.Tests.Service;

/// <summary>Bulk actions through the service: each order is applied or refused on its own, and a refusal holds no other order back.</summary>
public sealed class BulkTests
{
    [Fact]
    public async Task Bulk_assigning_a_driver_dispatches_the_first_ready_order_and_refuses_the_rest_each_on_its_own()
    {
        var market = await Marketplace.OpenAsync();
        var first = await market.OrderInStatusAsync(OrderStatus.Ready);
        var second = await market.OrderInStatusAsync(OrderStatus.Ready);
        var pending = await market.CreateOrderAsync();

        var outcomes = await market.Orders.AssignEachAsync(Marketplace.Dispatcher, [first.Id, second.Id, pending.Id], "drv-ana", _ => false);

        Assert.Equal([(first.Id, true), (second.Id, false), (pending.Id, false)], outcomes.Select(outcome => (outcome.OrderId, outcome.Done)));
        var busy = Assert.IsType<OrderConflictException>(outcomes[1].Refusal);
        Assert.Equal(("Ana Lopez", "busy"), (busy.UnavailableDriver, busy.DriverStatus));
        Assert.IsType<IllegalTransitionException>(outcomes[2].Refusal);
        Assert.Equal(
            (OrderStatus.Dispatched, "drv-ana", OrderStatus.Ready, OrderStatus.PendingSupplier, DriverStatus.Busy),
            ((await market.Store.GetAsync(first.Id))!.Status, (await market.Store.GetAsync(first.Id))!.DriverId,
             (await market.Store.GetAsync(second.Id))!.Status, (await market.Store.GetAsync(pending.Id))!.Status,
             (await market.Store.GetDriverAsync("drv-ana"))!.Status));
    }
}
