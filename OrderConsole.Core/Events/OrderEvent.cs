using OrderConsole.Core.Drivers;
using OrderConsole.Core.Orders;

namespace OrderConsole.Core.Events;

/// <summary>
/// The one event envelope used everywhere (feed, streams, history): what happened to which order, the
/// order's snapshot after the change, when, by whom. <see cref="EventId"/> is the position in the feed.
/// </summary>
public sealed record OrderEvent
{
    public required string EventId { get; init; }
    public required string EventType { get; init; }
    public Guid? OrderId { get; init; }
    public Order? Order { get; init; }

    /// <summary>The driver's snapshot, on <c>driver.updated</c> events.</summary>
    public Driver? Driver { get; init; }
    public required DateTimeOffset Timestamp { get; init; }
    public required string Actor { get; init; }
    public string? CorrelationId { get; init; }

    /// <summary>The order's version after the change (0 for events that are not about one order).</summary>
    public long Version { get; init; }
}
