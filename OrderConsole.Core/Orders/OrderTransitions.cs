namespace OrderConsole.Core.Orders;

/// <summary>
/// The one transition table: which status may follow which, and which roles may make each move.
/// Admins may make every allowed move. Store adapters re-check the same table when they apply a change.
/// </summary>
public static class OrderTransitions
{
    private static readonly Role[] s_supplier = [Role.Supplier, Role.Admin];
    private static readonly Role[] s_customer = [Role.Customer, Role.Admin];
    private static readonly Role[] s_dispatcher = [Role.Dispatcher, Role.Admin];
    private static readonly Role[] s_delivery = [Role.Dispatcher, Role.Driver, Role.Admin];
    private static readonly Role[] s_cancelEarly = [Role.Supplier, Role.Customer, Role.Dispatcher, Role.Admin];
    private static readonly Role[] s_cancelLate = [Role.Supplier, Role.Dispatcher, Role.Admin];

    private static readonly Dictionary<(OrderStatus From, OrderStatus To), Role[]> s_table = new()
    {
        [(OrderStatus.PendingSupplier, OrderStatus.SupplierAccepted)] = s_supplier,
        [(OrderStatus.PendingSupplier, OrderStatus.SupplierRejected)] = s_supplier,
        [(OrderStatus.PendingSupplier, OrderStatus.Cancelled)] = s_cancelLate,
        [(OrderStatus.SupplierAccepted, OrderStatus.CustomerAccepted)] = s_customer,
        // An open offer belongs to no customer yet: customers take it or leave it, they cannot cancel it for everyone.
        [(OrderStatus.SupplierAccepted, OrderStatus.Cancelled)] = s_cancelLate,
        [(OrderStatus.CustomerAccepted, OrderStatus.Preparing)] = s_supplier,
        [(OrderStatus.CustomerAccepted, OrderStatus.Cancelled)] = s_cancelEarly,
        [(OrderStatus.Preparing, OrderStatus.Ready)] = s_supplier,
        [(OrderStatus.Preparing, OrderStatus.Cancelled)] = s_cancelLate,
        [(OrderStatus.Ready, OrderStatus.Dispatched)] = s_dispatcher,
        [(OrderStatus.Ready, OrderStatus.Cancelled)] = s_cancelLate,

        // Reassigning: a dispatched order gets another driver and stays dispatched, until it is in transit.
        [(OrderStatus.Dispatched, OrderStatus.Dispatched)] = s_dispatcher,
        [(OrderStatus.Dispatched, OrderStatus.InTransit)] = s_delivery,
        [(OrderStatus.InTransit, OrderStatus.Delivered)] = s_delivery,

        // Feedback: a delivered order takes the customer's rating once and stays delivered. No status command makes
        // this move (no role may); the store allows it so the rating is written like any other change.
        [(OrderStatus.Delivered, OrderStatus.Delivered)] = [],

        // SLA alerts: the watcher flags an open order with an estimate at risk or late; it stays where it is. No role
        // may make these moves (dispatched → dispatched is the reassignment above, which the store lets the flag use too).
        [(OrderStatus.SupplierAccepted, OrderStatus.SupplierAccepted)] = [],
        [(OrderStatus.CustomerAccepted, OrderStatus.CustomerAccepted)] = [],
        [(OrderStatus.Preparing, OrderStatus.Preparing)] = [],
        [(OrderStatus.Ready, OrderStatus.Ready)] = [],
        [(OrderStatus.InTransit, OrderStatus.InTransit)] = [],
    };

    /// <summary>Every allowed move, for tests, documentation and the Redis script's copy of the table.</summary>
    public static IEnumerable<(OrderStatus From, OrderStatus To)> AllowedMoves => s_table.Keys;

    public static bool IsAllowed(OrderStatus from, OrderStatus to) => s_table.ContainsKey((from, to));

    /// <summary>The statuses a command may move an order in <paramref name="from"/> to.</summary>
    public static IReadOnlyList<OrderStatus> NextStatuses(OrderStatus from) =>
        [.. s_table.Where(move => move.Key.From == from && move.Value.Length > 0).Select(move => move.Key.To)];

    public static bool RoleMay(Role role, OrderStatus from, OrderStatus to) =>
        s_table.TryGetValue((from, to), out var roles) && roles.Contains(role);

    /// <summary>Throws <see cref="IllegalTransitionException"/> unless the move is in the table.</summary>
    public static void EnsureAllowed(Order order, OrderStatus to)
    {
        // A move no role may make (feedback on a delivered order) is no status change a command can ask for.
        if (!s_table.TryGetValue((order.Status, to), out var roles) || roles.Length == 0)
        {
            throw new IllegalTransitionException(order.Id, order.Status, to);
        }
    }

    /// <summary>
    /// Throws unless <paramref name="actor"/> may move <paramref name="order"/> to <paramref name="to"/>:
    /// the move is in the table, the role may make it, and a supplier or driver acts only on their own orders.
    /// </summary>
    public static void EnsurePermitted(Actor actor, Order order, OrderStatus to)
    {
        EnsureAllowed(order, to);
        if (!RoleMay(actor.Role, order.Status, to))
        {
            throw new ForbiddenOrderActionException($"a {actor.Role.ToString().ToLowerInvariant()} may not {Describe(order.Status, to)}");
        }

        OrderAccess.EnsureOwnOrder(actor, order);
    }

    /// <summary>A move in words, for messages: "move an order from ready to preparing", "reassign an order to another driver".</summary>
    private static string Describe(OrderStatus from, OrderStatus to) => from == to
        ? "reassign an order to another driver"
        : $"move an order from {from.ToWireName()} to {to.ToWireName()}";
}
