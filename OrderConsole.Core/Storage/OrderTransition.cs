using OrderConsole.Core.Drivers;
using OrderConsole.Core.Orders;

namespace OrderConsole.Core.Storage;

/// <summary>
/// One change to apply atomically: the snapshot after it, the status and version the order must still
/// have, any driver changes that go with it, and a command id so a retry applies it exactly once.
/// </summary>
public sealed record OrderTransition(
    Order Next,
    OrderStatus ExpectedStatus,
    long ExpectedVersion,
    string EventType,
    string Actor,
    string CommandId)
{
    public IReadOnlyList<DriverAssignment> Drivers { get; init; } = [];
    public IReadOnlyList<StockChange> Stock { get; init; } = [];
    public DiscountUse? Discount { get; init; }
    public string? CorrelationId { get; init; }

    /// <summary>Why the change was made, in words, carried by its event (a worker's decision: whom auto-dispatch chose and why).</summary>
    public string? Detail { get; init; }
}
