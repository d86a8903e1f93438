using OrderConsole.Core.Orders;
using OrderConsole.Tests.Support;
using static OrderConsole.Core.Orders.OrderStatus;

namespace OrderConsole.Tests.Orders;

/// <summary>
/// "Who may do what" of DESIGN §2, written out per role. Suppliers act only on their own supplier's
/// orders and drivers only on their own deliveries; admins may make every move of the lifecycle.
/// A customer's own order starts when they accept an offer, so they may cancel it from customer_accepted
/// until preparing starts; an open offer (supplier_accepted) is nobody's yet, so no customer may cancel it.
/// </summary>
public sealed class PermissionTests
{
    private const string OwnSupplier = "luigis";
    private const string OwnDriver = "drv-ana";

    private static readonly Dictionary<Role, HashSet<(OrderStatus From, OrderStatus To)>> s_mayDo = new()
    {
        [Role.Supplier] =
        [
            (PendingSupplier, SupplierAccepted), (PendingSupplier, SupplierRejected),
            (CustomerAccepted, Preparing), (Preparing, Ready),
            (PendingSupplier, Cancelled), (SupplierAccepted, Cancelled), (CustomerAccepted, Cancelled), (Preparing, Cancelled), (Ready, Cancelled),
        ],
        [Role.Customer] =
        [
            (SupplierAccepted, CustomerAccepted),
            (CustomerAccepted, Cancelled),
        ],
        [Role.Dispatcher] =
        [
            (Ready, Dispatched), (Dispatched, Dispatched), (Dispatched, InTransit), (InTransit, Delivered),
            (PendingSupplier, Cancelled), (SupplierAccepted, Cancelled), (CustomerAccepted, Cancelled), (Preparing, Cancelled), (Ready, Cancelled),
        ],
        [Role.Driver] =
        [
            (Dispatched, InTransit), (InTransit, Delivered),
        ],
        [Role.Admin] =
        [
            (PendingSupplier, SupplierAccepted), (PendingSupplier, SupplierRejected), (SupplierAccepted, CustomerAccepted),
            (CustomerAccepted, Preparing), (Preparing, Ready), (Ready, Dispatched), (Dispatched, Dispatched), (Dispatched, InTransit), (InTransit, Delivered),
            (PendingSupplier, Cancelled), (SupplierAccepted, Cancelled), (CustomerAccepted, Cancelled), (Preparing, Cancelled), (Ready, Cancelled),
        ],
    };

    public static TheoryData<Role, OrderStatus, OrderStatus> PermittedMoves() => RoleMoves(permitted: true);

    public static TheoryData<Role, OrderStatus, OrderStatus> ForbiddenMoves() => RoleMoves(permitted: false);

    [Theory]
    [MemberData(nameof(PermittedMoves))]
    public void A_role_may_make_the_moves_its_job_includes(Role role, OrderStatus from, OrderStatus to)
    {
        var order = OwnOrder(from);

        OrderTransitions.EnsurePermitted(ActorFor(role), order, to);

        Assert.True(OrderTransitions.RoleMay(role, from, to));
    }

    [Theory]
    [MemberData(nameof(ForbiddenMoves))]
    public void A_role_may_not_make_a_lifecycle_move_outside_its_job(Role role, OrderStatus from, OrderStatus to)
    {
        var order = OwnOrder(from);

        var error = Assert.Throws<ForbiddenOrderActionException>(() => OrderTransitions.EnsurePermitted(ActorFor(role), order, to));

        var move = from == to ? "reassign an order to another driver" : $"move an order from {from.ToWireName()} to {to.ToWireName()}";
        Assert.Contains($"may not {move}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_move_outside_the_lifecycle_is_illegal_whoever_asks()
    {
        var order = OwnOrder(Delivered);

        Assert.Throws<IllegalTransitionException>(() => OrderTransitions.EnsurePermitted(Actor.System, order, Preparing));
    }

    [Fact]
    public void A_supplier_cannot_act_on_another_suppliers_order()
    {
        var order = OwnOrder(PendingSupplier);
        var otherSupplier = new Actor("nina", Role.Supplier, SupplierId: "napoli");

        var error = Assert.Throws<ForbiddenOrderActionException>(() => OrderTransitions.EnsurePermitted(otherSupplier, order, SupplierAccepted));

        Assert.Contains("belongs to another supplier", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_supplier_cannot_see_another_suppliers_order()
    {
        Assert.False(OrderAccess.CanSee(new Actor("nina", Role.Supplier, SupplierId: "napoli"), OwnOrder(PendingSupplier)));
        Assert.True(OrderAccess.CanSee(ActorFor(Role.Supplier), OwnOrder(PendingSupplier)));
    }

    [Fact]
    public void A_driver_cannot_act_on_another_drivers_delivery()
    {
        var order = OwnOrder(Dispatched);
        var otherDriver = new Actor("ben", Role.Driver, DriverId: "drv-ben");

        var error = Assert.Throws<ForbiddenOrderActionException>(() => OrderTransitions.EnsurePermitted(otherDriver, order, InTransit));

        Assert.Contains("is not assigned to you", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_driver_without_a_driver_binding_cannot_act_on_any_delivery()
    {
        var order = OwnOrder(Dispatched);

        Assert.Throws<ForbiddenOrderActionException>(() => OrderTransitions.EnsurePermitted(new Actor("nobody", Role.Driver), order, InTransit));
        Assert.False(OrderAccess.CanSee(new Actor("nobody", Role.Driver), order));
    }

    [Fact]
    public void A_driver_sees_only_their_own_deliveries()
    {
        Assert.True(OrderAccess.CanSee(ActorFor(Role.Driver), OwnOrder(InTransit)));
        Assert.False(OrderAccess.CanSee(new Actor("ben", Role.Driver, DriverId: "drv-ben"), OwnOrder(InTransit)));
    }

    [Theory]
    [InlineData(Role.Admin)]
    [InlineData(Role.Dispatcher)]
    public void Admins_and_dispatchers_see_every_order(Role role)
    {
        Assert.True(OrderAccess.CanSee(new Actor("someone", role), OwnOrder(Ready)));
    }

    [Fact]
    public void A_customer_sees_open_offers()
    {
        Assert.True(OrderAccess.CanSee(new Actor("maya", Role.Customer), OwnOrder(OrderStatus.SupplierAccepted)));
    }

    [Fact]
    public void A_customer_sees_the_orders_they_accepted()
    {
        Assert.True(OrderAccess.CanSee(new Actor("maya", Role.Customer), OwnOrder(Ready) with { CustomerId = "maya" }));
    }

    [Fact]
    public void A_customer_cannot_see_another_customers_order()
    {
        Assert.False(OrderAccess.CanSee(new Actor("maya", Role.Customer), OwnOrder(Ready) with { CustomerId = "tom" }));
    }

    [Fact]
    public void A_customer_cannot_cancel_another_customers_order()
    {
        var order = OwnOrder(OrderStatus.CustomerAccepted) with { CustomerId = "tom" };

        Assert.Throws<ForbiddenOrderActionException>(() => OrderTransitions.EnsurePermitted(new Actor("maya", Role.Customer), order, OrderStatus.Cancelled));
    }

    private static Order OwnOrder(OrderStatus status) => Samples.InStatus(status, driverId: OwnDriver) with { SupplierId = OwnSupplier };

    private static Actor ActorFor(Role role) => role switch
    {
        Role.Supplier => new Actor("sam", role, SupplierId: OwnSupplier),
        Role.Driver => new Actor("ana", role, DriverId: OwnDriver),
        _ => new Actor(role.ToString().ToLowerInvariant(), role),
    };

    private static TheoryData<Role, OrderStatus, OrderStatus> RoleMoves(bool permitted)
    {
        var data = new TheoryData<Role, OrderStatus, OrderStatus>();
        foreach (var (role, moves) in s_mayDo)
        {
            foreach (var move in s_mayDo[Role.Admin])
            {
                if (moves.Contains(move) == permitted)
                {
                    data.Add(role, move.From, move.To);
                }
            }
        }

        return data;
    }
}
