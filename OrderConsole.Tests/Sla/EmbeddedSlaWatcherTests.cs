using OrderConsole.Core.Orders;
using OrderConsole.Core.Workers;
using OrderConsole.Tests.Support;
using static OrderConsole.Tests.Sla.SlaWatcherParts;

namespace OrderConsole.Tests.Sla;

/// <summary>
/// The SLA watcher on the embedded store. A Luigi's order accepted at 12:00 with 30 minutes (ETA 12:30) and preparing
/// from 12:00 is predicted at 12:25 while preparing runs to plan, and past its ETA once preparing runs over.
/// </summary>
public sealed class EmbeddedSlaWatcherTests
{
    [Fact]
    public async Task An_order_on_plan_is_not_flagged()
    {
        var market = await Marketplace.OpenAsync();
        var order = await market.OrderInStatusAsync(OrderStatus.Preparing);
        market.Clock.Advance(TimeSpan.FromMinutes(5));

        var raised = await Watcher(market.Store, market.Clock).CheckAsync();

        Assert.Equal(0, raised);
        Assert.Equal(0, await CountAsync(market.Store, order.Id, AtRisk));
    }

    [Fact]
    public async Task An_order_whose_prediction_passes_its_eta_becomes_at_risk_once()
    {
        var market = await Marketplace.OpenAsync();
        var order = await market.OrderInStatusAsync(OrderStatus.Preparing);
        var watcher = Watcher(market.Store, market.Clock);
        market.Clock.Advance(TimeSpan.FromMinutes(20));

        await watcher.CheckAsync();
        market.Clock.Advance(TimeSpan.FromMinutes(1));
        await watcher.CheckAsync();

        Assert.Equal(1, await CountAsync(market.Store, order.Id, AtRisk));
        var flagged = (await market.Store.GetAsync(order.Id))!;
        Assert.Equal((OrderStatus.Preparing, Samples.At.AddMinutes(20), Samples.At.AddMinutes(35)), (flagged.Status, flagged.AtRiskAt, flagged.PredictedArrival));
    }

    [Fact]
    public async Task An_order_becomes_late_with_no_event_once_its_eta_passes_by_the_threshold_and_only_once()
    {
        var market = await Marketplace.OpenAsync();
        var order = await market.OrderInStatusAsync(OrderStatus.Dispatched);
        var watcher = Watcher(market.Store, market.Clock);
        market.Clock.Advance(TimeSpan.FromMinutes(41));

        await watcher.CheckAsync();
        await Watcher(market.Store, market.Clock).CheckAsync(); // a restarted watcher finds the flag set

        Assert.Equal(1, await CountAsync(market.Store, order.Id, Late));
        var late = (await market.Store.GetAsync(order.Id))!;
        Assert.Equal((OrderStatus.Dispatched, "drv-ana", Samples.At.AddMinutes(41)), (late.Status, late.DriverId, late.LateAt));
    }

    [Fact]
    public async Task A_delivered_order_is_never_flagged()
    {
        var market = await Marketplace.OpenAsync();
        var order = await market.OrderInStatusAsync(OrderStatus.Delivered);
        market.Clock.Advance(TimeSpan.FromHours(2));

        await Watcher(market.Store, market.Clock).CheckAsync();

        Assert.Equal(0, await CountAsync(market.Store, order.Id, Late) + await CountAsync(market.Store, order.Id, AtRisk));
    }

    [Fact]
    public async Task Running_as_a_worker_it_looks_again_every_interval_and_shows_on_the_worker_board()
    {
        var market = await Marketplace.OpenAsync();
        var order = await market.OrderInStatusAsync(OrderStatus.Ready);
        var board = new WorkerStatusBoard();
        using var watcher = Watcher(market.Store, market.Clock, board);
        await watcher.StartAsync(CancellationToken.None);
        try
        {
            await Eventually.HoldsAsync(() => board.Find("sla") is not null, "the watcher is on the board");
            market.Clock.Advance(TimeSpan.FromMinutes(41));
            await Eventually.HoldsAsync(async () =>
            {
                market.Clock.Advance(TimeSpan.FromSeconds(15));
                return await CountAsync(market.Store, order.Id, Late) == 1;
            }, "the watcher flagged the order late");
            await Eventually.HoldsAsync(() => board.Find("sla") is { Handled: 1, MeasuredAt: not null }, "the board counts the alert");
        }
        finally
        {
            await watcher.StopAsync(CancellationToken.None);
        }
    }
}
