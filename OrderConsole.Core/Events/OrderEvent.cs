using OrderConsole.Core.Drivers;
using OrderConsole.Core.Orders;
using OrderConsole.Core.Settings;

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

    /// <summary>The supplier's snapshot, on <c>supplier.updated</c> events.</summary>
    public Supplier? Supplier { get; init; }
    /// <summary>Every setting as saved, on <c>settings.updated</c> events.</summary>
    public ConsoleSettings? Settings { get; init; }
    public required DateTimeOffset Timestamp { get; init; }
    public required string Actor { get; init; }
    public string? CorrelationId { get; init; }

    /// <summary>Why it happened, in words, where the type alone does not say: on <c>batch.rolled_back</c>, which change failed and why.</summary>
    public string? Detail { get; init; }

    /// <summary>The order's version after the change (0 for events that are not about one order).</summary>
    public long Version { get; init; }

    /// <summary>The event an order change produces; the store gives it its feed position.</summary>
    public static OrderEvent ForOrder(string eventType, Order order, string actor, string? correlationId) => new()
    {
        EventId = string.Empty,
        EventType = eventType,
        OrderId = order.Id,
        Order = order,
        Timestamp = order.UpdatedAt,
        Actor = actor,
        CorrelationId = correlationId,
        Version = order.Version,
    };

    /// <summary>
    /// The <c>batch.rolled_back</c> event: a batch was refused and nothing of it applied. It concerns no single
    /// order, so it carries no order; <see cref="Detail"/> says which change failed and why.
    /// </summary>
    public static OrderEvent ForRolledBackBatch(string correlationId, string actor, DateTimeOffset at, string detail) => new()
    {
        EventId = string.Empty,
        EventType = OrderEventTypes.BatchRolledBack,
        Timestamp = at,
        Actor = actor,
        CorrelationId = correlationId,
        Detail = detail,
    };

    /// <summary>The <c>driver.updated</c> event for a driver's new snapshot.</summary>
    public static OrderEvent ForDriver(Driver driver, string actor, string? correlationId = null) => new()
    {
        EventId = string.Empty,
        EventType = OrderEventTypes.DriverUpdated,
        Driver = driver,
        Timestamp = driver.UpdatedAt,
        Actor = actor,
        CorrelationId = correlationId,
    };

    /// <summary>The <c>supplier.updated</c> event for a new or changed supplier's snapshot.</summary>
    public static OrderEvent ForSupplier(Supplier supplier, string actor, DateTimeOffset at) => new()
    {
        EventId = string.Empty,
        EventType = OrderEventTypes.SupplierUpdated,
        Supplier = supplier,
        Timestamp = at,
        Actor = actor,
    };

    /// <summary>The <c>settings.updated</c> event, carrying every setting so a console needs nothing else to follow.</summary>
    public static OrderEvent ForSettings(ConsoleSettings settings, string actor) => new()
    {
        EventId = string.Empty,
        EventType = OrderEventTypes.SettingsUpdated,
        Settings = settings,
        Timestamp = settings.UpdatedAt ?? DateTimeOffset.UnixEpoch,
        Actor = actor,
    };
}
