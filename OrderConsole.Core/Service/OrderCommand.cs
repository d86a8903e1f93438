using OrderConsole.Core.Drivers;
using OrderConsole.Core.Orders;

namespace OrderConsole.Core.Service;

/// <summary>
/// A command on one order, before it meets the order: the status it moves to, how it computes the next
/// snapshot from the current one, the driver changes that go with it, and any check of its own. Single commands
/// and batches share it.
/// </summary>
internal sealed record OrderCommand(OrderStatus To, Func<Order, Order> Change, Func<Order, IReadOnlyList<DriverAssignment>>? Drivers = null)
{
    /// <summary>The command's own check of the order, made before the permission check so its message can name the command.</summary>
    public Action<Order>? Ensure { get; init; }

    /// <summary>A discount code the command uses, counted (and held to its limit) in the same atomic write.</summary>
    public Storage.DiscountUse? Discount { get; init; }
}
