using OrderConsole.Core.Orders;
using OrderConsole.Core.Service;
using OrderConsole.Core.Storage;
using OrderConsole.Tests.Support;
using static OrderConsole.Tests.Service.AuthorizationMatrixTests.Outcome;

namespace OrderConsole.Tests.Service;

/// <summary>
/// Who may do what, command by command, as <see cref="OrderService"/> enforces it. Each row puts a Luigi's order
/// in the status the command needs — accepted by the customer Maya and dispatched to the driver Ana where the
/// lifecycle has got that far — and lets every person try. Allowed: the command applies. Forbidden: the person
/// may see the order but not do this. Hidden: the person may not even see the order, so it answers exactly as
/// an order that does not exist. A refused command changes nothing.
/// </summary>
public sealed class AuthorizationMatrixTests
{
    public enum Outcome
    {
        Allowed,
        Forbidden,
        Hidden,
    }

    /// <summary>The people who try each command; the order belongs to the first of each pair.</summary>
    public enum Person
    {
        Admin,
        Supplier,
        OtherSupplier,
        Customer,
        OtherCustomer,
        Dispatcher,
        Driver,
        OtherDriver,
    }

    /// <summary>The specification: one row per command, one column per person.</summary>
    private static readonly (string Command, Outcome[] Outcomes)[] s_matrix =
    [
        //                                   admin    supplier   other      customer   other      dispatcher driver     other
        //                                            (Luigi's)  supplier   (Maya)     customer              (Ana)      driver
        ("create an order",                 [Allowed, Allowed,   Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden]),
        ("read a new order",                [Allowed, Allowed,   Hidden,    Hidden,    Hidden,    Allowed,   Hidden,    Hidden]),
        ("read an open offer",              [Allowed, Allowed,   Hidden,    Allowed,   Allowed,   Allowed,   Hidden,    Hidden]),
        ("read a delivery",                 [Allowed, Allowed,   Hidden,    Allowed,   Hidden,    Allowed,   Allowed,   Hidden]),
        ("read a delivery's history",       [Allowed, Allowed,   Hidden,    Allowed,   Hidden,    Allowed,   Allowed,   Hidden]),
        ("accept as supplier",              [Allowed, Allowed,   Hidden,    Hidden,    Hidden,    Forbidden, Hidden,    Hidden]),
        ("reject as supplier",              [Allowed, Allowed,   Hidden,    Hidden,    Hidden,    Forbidden, Hidden,    Hidden]),
        ("accept the offer",                [Allowed, Forbidden, Hidden,    Allowed,   Allowed,   Forbidden, Hidden,    Hidden]),
        ("start preparing",                 [Allowed, Allowed,   Hidden,    Forbidden, Hidden,    Forbidden, Hidden,    Hidden]),
        ("mark ready",                      [Allowed, Allowed,   Hidden,    Forbidden, Hidden,    Forbidden, Hidden,    Hidden]),
        ("dispatch a driver",               [Allowed, Forbidden, Hidden,    Forbidden, Hidden,    Allowed,   Hidden,    Hidden]),
        ("reassign the driver",             [Allowed, Forbidden, Hidden,    Forbidden, Hidden,    Allowed,   Forbidden, Hidden]),
        ("mark in transit",                 [Allowed, Forbidden, Hidden,    Forbidden, Hidden,    Allowed,   Allowed,   Hidden]),
        ("mark delivered",                  [Allowed, Forbidden, Hidden,    Forbidden, Hidden,    Allowed,   Allowed,   Hidden]),
        ("cancel a new order",              [Allowed, Allowed,   Hidden,    Hidden,    Hidden,    Allowed,   Hidden,    Hidden]),
        ("cancel an open offer",            [Allowed, Allowed,   Hidden,    Forbidden, Forbidden, Allowed,   Hidden,    Hidden]),
        ("cancel an accepted order",        [Allowed, Allowed,   Hidden,    Allowed,   Hidden,    Allowed,   Hidden,    Hidden]),
        ("cancel while preparing",          [Allowed, Allowed,   Hidden,    Forbidden, Hidden,    Allowed,   Hidden,    Hidden]),
        ("cancel a ready order",            [Allowed, Allowed,   Hidden,    Forbidden, Hidden,    Allowed,   Hidden,    Hidden]),
        ("report the driver's position",    [Allowed, Forbidden, Forbidden, Forbidden, Forbidden, Allowed,   Allowed,   Forbidden]),
    ];

    /// <summary>What each command needs (the order's status, or no order at all) and what it does when allowed.</summary>
    private static readonly Dictionary<string, Command> s_commands = new()
    {
        ["create an order"] = new(null, OrderStatus.PendingSupplier, async (orders, actor, _) =>
            await orders.CreateAsync(actor, new CreateOrder("luigis", [new OrderItem("Margherita", 1, 10m)]))),
        ["read a new order"] = Read(OrderStatus.PendingSupplier),
        ["read an open offer"] = Read(OrderStatus.SupplierAccepted),
        ["read a delivery"] = Read(OrderStatus.InTransit),
        ["read a delivery's history"] = new(OrderStatus.InTransit, null, async (orders, actor, order) =>
            (await orders.GetHistoryAsync(actor, order!.Id))[^1].Order),
        ["accept as supplier"] = Change(OrderStatus.PendingSupplier, OrderStatus.SupplierAccepted, (orders, actor, id) =>
            orders.AcceptAsSupplierAsync(actor, id, "Fresh basil", 25)),
        ["reject as supplier"] = Change(OrderStatus.PendingSupplier, OrderStatus.SupplierRejected, (orders, actor, id) =>
            orders.RejectAsSupplierAsync(actor, id, "Out of dough")),
        ["accept the offer"] = Change(OrderStatus.SupplierAccepted, OrderStatus.CustomerAccepted, (orders, actor, id) =>
            orders.AcceptOfferAsync(actor, id, Marketplace.Maya)),
        ["start preparing"] = Advance(OrderStatus.CustomerAccepted, OrderStatus.Preparing),
        ["mark ready"] = Advance(OrderStatus.Preparing, OrderStatus.Ready),
        ["dispatch a driver"] = Change(OrderStatus.Ready, OrderStatus.Dispatched, (orders, actor, id) =>
            orders.DispatchAsync(actor, id, "drv-ana")),
        ["reassign the driver"] = Change(OrderStatus.Dispatched, OrderStatus.Dispatched, (orders, actor, id) =>
            orders.ReassignAsync(actor, id, "drv-ben")),
        ["mark in transit"] = Advance(OrderStatus.Dispatched, OrderStatus.InTransit),
        ["mark delivered"] = Advance(OrderStatus.InTransit, OrderStatus.Delivered),
        ["cancel a new order"] = Cancel(OrderStatus.PendingSupplier),
        ["cancel an open offer"] = Cancel(OrderStatus.SupplierAccepted),
        ["cancel an accepted order"] = Cancel(OrderStatus.CustomerAccepted),
        ["cancel while preparing"] = Cancel(OrderStatus.Preparing),
        ["cancel a ready order"] = Cancel(OrderStatus.Ready),
        ["report the driver's position"] = new(null, null, async (orders, actor, _) =>
        {
            await orders.ReportPositionAsync(actor, "drv-ana", 40.7, -74.0);
            return null;
        }),
    };

    public static TheoryData<string, Person, Outcome> Matrix()
    {
        var rows = new TheoryData<string, Person, Outcome>();
        foreach (var (command, outcomes) in s_matrix)
        {
            foreach (var person in Enum.GetValues<Person>())
            {
                rows.Add(command, person, outcomes[(int)person]);
            }
        }

        return rows;
    }

    [Fact]
    public void The_matrix_has_a_row_for_every_command_and_a_column_for_every_person()
    {
        Assert.Equal(s_commands.Keys.Order(StringComparer.Ordinal), s_matrix.Select(row => row.Command).Order(StringComparer.Ordinal));
        Assert.All(s_matrix, row => Assert.Equal(Enum.GetValues<Person>().Length, row.Outcomes.Length));
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Each_person_may_do_exactly_what_the_matrix_allows(string command, Person person, Outcome expected)
    {
        var market = await Marketplace.OpenAsync();
        var spec = s_commands[command];
        var order = spec.At is { } status ? await market.OrderInStatusAsync(status) : null;
        var before = await SnapshotAsync(market, order);

        var run = () => spec.Run(market.Orders, ActorFor(person), order);

        switch (expected)
        {
            case Allowed:
                var result = await run();
                if (spec.Then is { } then)
                {
                    Assert.Equal(then, result!.Status);
                    Assert.Equal(then, (await market.Store.GetAsync(result.Id))!.Status);
                    Assert.NotEqual(before, await SnapshotAsync(market, order));
                }
                else if (order is not null)
                {
                    Assert.Equal(order.Id, result!.Id);
                }
                else
                {
                    Assert.NotEqual(before, await SnapshotAsync(market, order));
                }

                break;
            case Forbidden:
                await Assert.ThrowsAsync<ForbiddenOrderActionException>(run);
                Assert.Equal(before, await SnapshotAsync(market, order));
                break;
            case Hidden:
                await Assert.ThrowsAsync<OrderNotFoundException>(run);
                Assert.Equal(before, await SnapshotAsync(market, order));
                break;
        }
    }

    [Fact]
    public async Task A_supplier_can_neither_see_nor_change_another_suppliers_order()
    {
        var market = await Marketplace.OpenAsync();
        var pending = await market.OrderInStatusAsync(OrderStatus.PendingSupplier);
        var accepted = await market.OrderInStatusAsync(OrderStatus.CustomerAccepted);
        var napoli = Marketplace.NapoliSupplier;

        await Assert.ThrowsAsync<OrderNotFoundException>(() => market.Orders.GetAsync(napoli, pending.Id));
        await Assert.ThrowsAsync<OrderNotFoundException>(() => market.Orders.GetHistoryAsync(napoli, pending.Id));
        await Assert.ThrowsAsync<OrderNotFoundException>(() => market.Orders.AcceptAsSupplierAsync(napoli, pending.Id, null, 20));
        await Assert.ThrowsAsync<OrderNotFoundException>(() => market.Orders.RejectAsSupplierAsync(napoli, pending.Id, "not ours"));
        await Assert.ThrowsAsync<OrderNotFoundException>(() => market.Orders.AdvanceAsync(napoli, accepted.Id, OrderStatus.Preparing));
        await Assert.ThrowsAsync<OrderNotFoundException>(() => market.Orders.CancelAsync(napoli, accepted.Id, "not ours"));
        await Assert.ThrowsAsync<ForbiddenOrderActionException>(() => market.Orders.CreateAsync(napoli, new CreateOrder("luigis", [new OrderItem("Margherita", 1, 10m)])));

        Assert.Equal((OrderStatus.PendingSupplier, pending.Version), await StatusOfAsync(market, pending.Id));
        Assert.Equal((OrderStatus.CustomerAccepted, accepted.Version), await StatusOfAsync(market, accepted.Id));
    }

    [Fact]
    public async Task A_driver_cannot_see_or_move_another_drivers_delivery()
    {
        var market = await Marketplace.OpenAsync();
        var anas = await market.OrderInStatusAsync(OrderStatus.Dispatched, driverId: "drv-ana");
        var ben = Marketplace.BenDriving;

        await Assert.ThrowsAsync<OrderNotFoundException>(() => market.Orders.GetAsync(ben, anas.Id));
        await Assert.ThrowsAsync<OrderNotFoundException>(() => market.Orders.GetHistoryAsync(ben, anas.Id));
        await Assert.ThrowsAsync<OrderNotFoundException>(() => market.Orders.AdvanceAsync(ben, anas.Id, OrderStatus.InTransit));
        await Assert.ThrowsAsync<ForbiddenOrderActionException>(() => market.Orders.ReportPositionAsync(ben, "drv-ana", 40.7, -74.0));

        Assert.Equal((OrderStatus.Dispatched, anas.Version), await StatusOfAsync(market, anas.Id));
        Assert.Equal(OrderStatus.InTransit, (await market.Orders.AdvanceAsync(Marketplace.AnaDriving, anas.Id, OrderStatus.InTransit)).Status);
    }

    [Fact]
    public async Task A_customer_cannot_cancel_an_open_offer_that_every_customer_sees()
    {
        var market = await Marketplace.OpenAsync();
        var offer = await market.OrderInStatusAsync(OrderStatus.SupplierAccepted);

        await Assert.ThrowsAsync<ForbiddenOrderActionException>(() => market.Orders.CancelAsync(Marketplace.Customer, offer.Id, "not for me"));

        var taken = await market.Orders.AcceptOfferAsync(new Actor("tom", Role.Customer), offer.Id, new CustomerDetails("Tom Becker", null, "88 Elm Avenue"));
        Assert.Equal(OrderStatus.CustomerAccepted, taken.Status);
    }

    private static Command Read(OrderStatus at) =>
        new(at, null, async (orders, actor, order) => await orders.GetAsync(actor, order!.Id));

    private static Command Change(OrderStatus at, OrderStatus then, Func<OrderService, Actor, Guid, Task<Order>> change) =>
        new(at, then, async (orders, actor, order) => await change(orders, actor, order!.Id));

    private static Command Advance(OrderStatus at, OrderStatus then) =>
        Change(at, then, (orders, actor, id) => orders.AdvanceAsync(actor, id, then));

    private static Command Cancel(OrderStatus at) =>
        Change(at, OrderStatus.Cancelled, (orders, actor, id) => orders.CancelAsync(actor, id, "Plans changed"));

    private static Actor ActorFor(Person person) => person switch
    {
        Person.Admin => new Actor("alex", Role.Admin),
        Person.Supplier => Marketplace.LuigisSupplier,
        Person.OtherSupplier => Marketplace.NapoliSupplier,
        Person.Customer => Marketplace.Customer,
        Person.OtherCustomer => new Actor("tom", Role.Customer),
        Person.Dispatcher => Marketplace.Dispatcher,
        Person.Driver => Marketplace.AnaDriving,
        Person.OtherDriver => Marketplace.BenDriving,
        _ => throw new ArgumentOutOfRangeException(nameof(person), person, null),
    };

    /// <summary>What a refused command must leave as it was: the order (status and version), every order, and Ana's position.</summary>
    private static async Task<(OrderStatus?, long?, int, double?, double?)> SnapshotAsync(Marketplace market, Order? order)
    {
        var stored = order is null ? null : await market.Store.GetAsync(order.Id);
        var orders = await market.Store.ListAsync(new OrderQuery { Limit = 1000 });
        var ana = await market.Store.GetDriverAsync("drv-ana");
        return (stored?.Status, stored?.Version, orders.Count, ana?.Latitude, ana?.Longitude);
    }

    private static async Task<(OrderStatus, long)> StatusOfAsync(Marketplace market, Guid id)
    {
        var stored = (await market.Store.GetAsync(id))!;
        return (stored.Status, stored.Version);
    }

    /// <summary>
    /// A command of the matrix: the status its order must stand in (null: it needs no order), the status it
    /// leaves the order in when allowed (null: a read), and how to run it as someone; it answers with the order.
    /// </summary>
    private sealed record Command(OrderStatus? At, OrderStatus? Then, Func<OrderService, Actor, Order?, Task<Order?>> Run);
}
