using OrderConsole.Core.Orders;

namespace OrderConsole.Core.Events;

/// <summary>The event type names: <c>order.{status}</c> for each order change, plus driver and batch events.</summary>
public static class OrderEventTypes
{
    public const string Created = "order.created";
    public const string DriverUpdated = "driver.updated";
    public const string BatchRolledBack = "batch.rolled_back";

    /// <summary>The event type a move to <paramref name="status"/> produces, e.g. <c>order.in_transit</c>.</summary>
    public static string ForStatus(OrderStatus status) => "order." + status.ToWireName();
}
