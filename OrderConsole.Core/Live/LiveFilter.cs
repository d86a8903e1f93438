using OrderConsole.Core.Events;
using OrderConsole.Core.Orders;

namespace OrderConsole.Core.Live;

/// <summary>
/// Which changes a subscriber cares about. An order filter matches when the order matches before or after
/// the change, so a view also hears about orders that leave it.
/// </summary>
public sealed class LiveFilter
{
    private readonly Func<OrderEvent, Order?, bool> _matches;

    private LiveFilter(Func<OrderEvent, Order?, bool> matches) => _matches = matches;

    public static LiveFilter Everything { get; } = new((_, _) => true);

    /// <summary>No change matches; the subscriber hears only that the feed connected or disconnected.</summary>
    public static LiveFilter ConnectionOnly { get; } = new((_, _) => false);

    public static LiveFilter Drivers { get; } = new((change, _) => change.Driver is not null);

    public static LiveFilter Suppliers { get; } = new((change, _) => change.Supplier is not null);
    /// <summary>Settings changes: every page follows these, since money, lateness and days read through them.</summary>
    public static LiveFilter Settings { get; } = new((change, _) => change.Settings is not null);

    public static LiveFilter Orders(Func<Order, bool> predicate) =>
        new((change, previous) =>
            (change.Order is { } order && predicate(order)) || (previous is not null && predicate(previous)));

    public static LiveFilter Order(Guid orderId) => new((change, _) => change.OrderId == orderId);

    /// <summary>Changes of the driver <paramref name="driverId"/> names when the change lands (none while it names no one), so the filter can follow a reassignment.</summary>
    public static LiveFilter Driver(Func<string?> driverId) =>
        new((change, _) => change.Driver is { } driver && driverId() is { } followed && driver.Id == followed);

    public LiveFilter Or(LiveFilter other) => new((change, previous) => Matches(change, previous) || other.Matches(change, previous));

    /// <summary>Does this change concern the subscriber? <paramref name="previous"/> is the order before it, if known.</summary>
    public bool Matches(OrderEvent change, Order? previous) => _matches(change, previous);
}
