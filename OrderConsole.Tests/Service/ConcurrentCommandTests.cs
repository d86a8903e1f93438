using OrderConsole.Core.Orders;
using OrderConsole.Tests.Support;

namespace OrderConsole.Tests.Service;

/// <summary>
/// Many people acting on one order at the same moment: for each move exactly one command wins, every
/// other one is told why (a conflict or an illegal move), and nothing is lost or half-written.
/// </summary>
public sealed class ConcurrentCommandTests
{
    private const int Racers = 1_000;

    [Fact]
    public async Task A_thousand_commands_racing_each_step_of_the_lifecycle_have_one_winner_per_step()
    {
        var market = await Marketplace.OpenAsync();
        var orders = market.Orders;
        var order = await market.CreateOrderAsync();
        var steps = new (string Name, Func<int, Task<Order>> Command)[]
        {
            ("supplier accepts", racer => orders.AcceptAsSupplierAsync(Marketplace.LuigisSupplier, order.Id, $"note {racer}", 30)),
            ("customer accepts", racer => orders.AcceptOfferAsync(Marketplace.Customer, order.Id, Marketplace.Maya with { Name = $"Customer {racer}" })),
            ("preparing", _ => orders.AdvanceAsync(Marketplace.LuigisSupplier, order.Id, OrderStatus.Preparing)),
            ("ready", _ => orders.AdvanceAsync(Marketplace.LuigisSupplier, order.Id, OrderStatus.Ready)),
            ("dispatch", racer => orders.DispatchAsync(Marketplace.Dispatcher, order.Id, racer % 2 == 0 ? "drv-ana" : "drv-ben")),
            ("in transit", _ => orders.AdvanceAsync(Marketplace.Dispatcher, order.Id, OrderStatus.InTransit)),
            ("delivered", _ => orders.AdvanceAsync(Marketplace.Dispatcher, order.Id, OrderStatus.Delivered)),
        };

        var winners = new List<Order>();
        foreach (var (name, command) in steps)
        {
            var outcomes = await RaceAsync(command);

            var winner = Assert.Single(outcomes.Winners);
            Assert.True(outcomes.Refusals.All(refusal => refusal is OrderConflictException or IllegalTransitionException),
                $"{name}: unexpected {string.Join(", ", outcomes.Refusals.Where(refusal => refusal is not (OrderConflictException or IllegalTransitionException)).Select(refusal => refusal.GetType().Name).Distinct())}");
            Assert.Equal(Racers - 1, outcomes.Refusals.Count);
            Assert.Equal(order.Version + winners.Count + 1, winner.Version);
            winners.Add(winner);
        }

        var final = (await market.Store.GetAsync(order.Id))!;
        Assert.Equal((OrderStatus.Delivered, 8L), (final.Status, final.Version));

        // No lost update: what each winner wrote is still there at the end.
        Assert.Equal(winners[0].SupplierNotes, final.SupplierNotes);
        Assert.Equal(winners[1].CustomerName, final.CustomerName);
        Assert.Equal(winners[4].DriverId, final.DriverId);

        var history = await market.Store.GetHistoryAsync(order.Id);
        Assert.Equal(Enumerable.Range(1, 8).Select(version => (long)version), history.Select(change => change.Version));
        Assert.Equal(winners.Select(winner => winner.Version), history.Skip(1).Select(change => change.Order!.Version));
    }

    [Fact]
    public async Task Accepting_and_rejecting_racing_on_a_new_order_leave_exactly_one_outcome()
    {
        var market = await Marketplace.OpenAsync();
        var order = await market.CreateOrderAsync();

        var outcomes = await RaceAsync(racer => racer % 2 == 0
            ? market.Orders.AcceptAsSupplierAsync(Marketplace.LuigisSupplier, order.Id, null, 30)
            : market.Orders.RejectAsSupplierAsync(Marketplace.LuigisSupplier, order.Id, "Out of dough"));

        var winner = Assert.Single(outcomes.Winners);
        Assert.All(outcomes.Refusals, refusal => Assert.True(refusal is OrderConflictException or IllegalTransitionException, refusal.GetType().Name));
        var stored = (await market.Store.GetAsync(order.Id))!;
        Assert.Equal((winner.Status, 2L), (stored.Status, stored.Version));
        Assert.Equal(2, (await market.Store.GetHistoryAsync(order.Id)).Count);
    }

    [Fact]
    public async Task Mixed_commands_racing_on_one_order_lose_no_update()
    {
        var market = await Marketplace.OpenAsync();
        var order = await market.CreateOrderAsync();

        // Accept then cancel is a legal sequence, so more than one of these may win; each win must be a
        // separate, consecutive version with its own event.
        var outcomes = await RaceAsync(racer => (racer % 3) switch
        {
            0 => market.Orders.AcceptAsSupplierAsync(Marketplace.LuigisSupplier, order.Id, null, 30),
            1 => market.Orders.RejectAsSupplierAsync(Marketplace.LuigisSupplier, order.Id, "Out of dough"),
            _ => market.Orders.CancelAsync(Marketplace.Dispatcher, order.Id, "Duplicate order"),
        });

        Assert.All(outcomes.Refusals, refusal => Assert.True(refusal is OrderConflictException or IllegalTransitionException, refusal.GetType().Name));
        var versions = outcomes.Winners.Select(winner => winner.Version).Order().ToList();
        Assert.Equal(Enumerable.Range(2, versions.Count).Select(version => (long)version), versions);
        var history = await market.Store.GetHistoryAsync(order.Id);
        Assert.Equal(Enumerable.Range(1, versions.Count + 1).Select(version => (long)version), history.Select(change => change.Version));
        var last = outcomes.Winners.MaxBy(winner => winner.Version)!;
        Assert.Equal((last.Status, last.Version), ((await market.Store.GetAsync(order.Id))!.Status, (await market.Store.GetAsync(order.Id))!.Version));
    }

    [Fact]
    public async Task Two_dispatchers_racing_for_one_driver_on_two_orders_one_wins()
    {
        var market = await Marketplace.OpenAsync();
        var first = await market.OrderInStatusAsync(OrderStatus.Ready);
        var second = await market.OrderInStatusAsync(OrderStatus.Ready);

        var outcomes = await RaceAsync(racer => market.Orders.DispatchAsync(Marketplace.Dispatcher, racer % 2 == 0 ? first.Id : second.Id, "drv-ana"));

        var winner = Assert.Single(outcomes.Winners);
        Assert.All(outcomes.Refusals, refusal => Assert.True(refusal is OrderConflictException or IllegalTransitionException, refusal.GetType().Name));
        var ana = (await market.Store.GetDriverAsync("drv-ana"))!;
        Assert.Equal(winner.Id, ana.OrderId);
        var loser = winner.Id == first.Id ? second : first;
        Assert.Equal(OrderStatus.Ready, (await market.Store.GetAsync(loser.Id))!.Status);
    }

    /// <summary>Starts <see cref="Racers"/> commands at once and sorts their outcomes into winners and refusals.</summary>
    private static async Task<(IReadOnlyList<Order> Winners, IReadOnlyList<Exception> Refusals)> RaceAsync(Func<int, Task<Order>> command)
    {
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var racers = Enumerable.Range(0, Racers).Select(racer => Task.Run(async () =>
        {
            await start.Task;
            try
            {
                return (Order: await command(racer), Error: (Exception?)null);
            }
            catch (Exception error)
            {
                return (Order: (Order?)null, Error: error);
            }
        })).ToList();

        start.SetResult();
        var outcomes = await Task.WhenAll(racers);
        return (
            [.. outcomes.Where(outcome => outcome.Order is not null).Select(outcome => outcome.Order!)],
            [.. outcomes.Where(outcome => outcome.Error is not null).Select(outcome => outcome.Error!)]);
    }
}
