using Bunit;
using OrderConsole.Components.Pages;
using OrderConsole.Core.Orders;
using OrderConsole.Tests.Sla;
using DispatchPage = OrderConsole.Components.Pages.Dispatch;

namespace OrderConsole.Tests.Components.Pages;

/// <summary>
/// The SLA watcher's alerts where dispatch looks: an order it flags at risk shows so on the open dispatch desk, and the
/// open dashboard counts it, both without a reload.
/// </summary>
public sealed class SlaOnPagesTests : ConsoleTestContext
{
    [Fact]
    public async Task An_order_the_watcher_flags_at_risk_shows_at_risk_on_the_open_dispatch_desk()
    {
        var order = await ReadyOrderSeenAsync();
        SignIn("dispatcher", Role.Dispatcher);
        var page = Render<DispatchPage>();
        page.WaitForAssertion(() => Assert.Single(page.RowsWith(order.SupplierTrackingId)));
        Assert.Empty(page.FindAll(".at-risk-badge"));

        await FlagAtRiskAsync(order);

        page.WaitForAssertion(() => Assert.Equal("at risk", Assert.Single(page.RowsWith(order.SupplierTrackingId)).QuerySelector(".at-risk-badge")?.TextContent));
    }

    [Fact]
    public async Task An_order_the_watcher_flags_at_risk_is_counted_on_the_open_dashboard()
    {
        var order = await ReadyOrderSeenAsync();
        SignIn("admin", Role.Admin);
        var page = Render<Dashboard>();
        page.WaitForAssertion(() => Assert.Equal("0", page.Find("[data-testid=at-risk-orders]").TextContent));

        await FlagAtRiskAsync(order);

        page.WaitForAssertion(() => Assert.Equal("1", page.Find("[data-testid=at-risk-orders]").TextContent));
    }

    private async Task<Order> ReadyOrderSeenAsync()
    {
        var order = await OrderInStatusAsync(OrderStatus.Ready);
        await SeenLiveAsync(order);
        return order;
    }

    /// <summary>
    /// Five minutes before its ETA the order still needs the handover and the ride (15 minutes by the watcher's
    /// defaults): predicted past its ETA, not yet late. The watcher's look flags it.
    /// </summary>
    private async Task FlagAtRiskAsync(Order order)
    {
        var fiveBefore = order.EstimatedArrival!.Value.AddMinutes(-5);
        if (fiveBefore > Clock.GetUtcNow())
        {
            Clock.SetUtcNow(fiveBefore);
        }

        Assert.Equal(1, await SlaWatcherParts.Watcher(Store, Clock).CheckAsync());
        await SeenLiveAsync((await Store.GetAsync(order.Id))!);
    }
}
