using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using OrderConsole.Core.Live;
using OrderConsole.Core.Orders;
using OrderConsole.Core.Service;
using OrderConsole.Tests.Support;
using OrdersPage = OrderConsole.Components.Pages.Orders;

namespace OrderConsole.Tests.Components.Pages;

/// <summary>All orders when the read model keeps fewer finished orders than the store holds: the page says the list is not all of them.</summary>
public sealed class OrdersHistoryTests() : ConsoleTestContext(new LiveOrdersOptions { RecentFinishedOrders = 2 })
{
    private const string Note = "Finished orders older than the newest 2 are not listed here; Export CSV includes them.";

    [Fact]
    public async Task Once_older_finished_orders_are_let_go_the_page_says_they_are_only_in_the_export()
    {
        await CancelledOrdersSeenAsync(3);
        SignIn("dispatcher", Role.Dispatcher);

        var page = Render<OrdersPage>();

        page.WaitForAssertion(() => Assert.Contains(Note, page.Markup, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_view_of_open_orders_alone_says_nothing_of_older_finished_ones()
    {
        await CancelledOrdersSeenAsync(3);
        SignIn("dispatcher", Role.Dispatcher);
        Services.GetRequiredService<NavigationManager>().NavigateTo("/orders?status=ready");

        var page = Render<OrdersPage>();

        page.WaitForAssertion(() => Assert.Contains("0 of", page.Markup, StringComparison.Ordinal));
        Assert.DoesNotContain("Finished orders older", page.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task While_every_finished_order_is_listed_the_page_says_nothing_of_older_ones()
    {
        await CancelledOrdersSeenAsync(2);
        SignIn("dispatcher", Role.Dispatcher);

        var page = Render<OrdersPage>();

        page.WaitForAssertion(() => Assert.Contains("2 orders", page.Markup, StringComparison.Ordinal));
        Assert.DoesNotContain("Finished orders older", page.Markup, StringComparison.Ordinal);
    }

    private async Task CancelledOrdersSeenAsync(int count)
    {
        for (var i = 0; i < count; i++)
        {
            var order = await Orders.CreateAsync(Marketplace.LuigisSupplier, new CreateOrder("luigis", [new OrderItem($"Old {i}", 1, 10m)]));
            Clock.Advance(TimeSpan.FromSeconds(1));
            await SeenLiveAsync(await Orders.CancelAsync(Marketplace.Admin, order.Id, "test"));
        }
    }
}
