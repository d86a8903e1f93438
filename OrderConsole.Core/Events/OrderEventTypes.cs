using OrderConsole.Core.Orders;

namespace OrderConsole.Core.Events;

/// <summary>
/// The event type names: <c>order.{status}</c> for each order change, <c>order.reassigned</c> when a dispatched
/// order gets another driver, <c>order.feedback_given</c> when a delivered one is rated, plus driver, supplier and batch events.
/// </summary>
public static class OrderEventTypes
{
    public const string Created = "order.created";
    public const string Reassigned = "order.reassigned";
    public const string DriverUpdated = "driver.updated";
    public const string SupplierUpdated = "supplier.updated";
    public const string BatchRolledBack = "batch.rolled_back";
    public const string SettingsUpdated = "settings.updated";

    /// <summary>Auto-dispatch found no available driver within its widened radius; the order stays ready for a person. A note: the order does not change.</summary>
    public const string NoDriverNearby = "order.no_driver_nearby";

    /// <summary>Auto-dispatch left an order alone that a person had already dispatched. A note: the order does not change.</summary>
    public const string AutoDispatchSkipped = "order.auto_dispatch_skipped";

    /// <summary>A delivered order got the customer's rating; it stays delivered.</summary>
    public const string FeedbackGiven = "order.feedback_given";

    /// <summary>The SLA watcher predicts an open order will arrive after its estimate; it keeps its status.</summary>
    public const string AtRisk = "order.at_risk";

    /// <summary>An open order ran past its estimate by more than the late threshold; it keeps its status.</summary>
    public const string Late = "order.late";

    /// <summary>True for a note about an order (a worker's decision not to act): it carries the order unchanged, at the version it noted.</summary>
    public static bool IsNote(string eventType) => eventType is NoDriverNearby or AutoDispatchSkipped;

    /// <summary>The event type a move to <paramref name="status"/> produces, e.g. <c>order.in_transit</c>.</summary>
    public static string ForStatus(OrderStatus status) => "order." + status.ToWireName();

    /// <summary>
    /// The event type of a move: <see cref="Reassigned"/> for dispatched → dispatched (the status stays, the
    /// driver changes), otherwise <see cref="ForStatus"/> of the new status.
    /// </summary>
    public static string ForMove(OrderStatus from, OrderStatus to) => (from, to) switch
    {
        (OrderStatus.Dispatched, OrderStatus.Dispatched) => Reassigned,
        (OrderStatus.Delivered, OrderStatus.Delivered) => FeedbackGiven,
        _ => ForStatus(to),
    };
}
