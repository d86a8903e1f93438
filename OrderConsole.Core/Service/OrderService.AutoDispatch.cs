using OrderConsole.Core.Drivers;
using OrderConsole.Core.Observability;
using OrderConsole.Core.Orders;
using OrderConsole.Core.Storage;

namespace OrderConsole.Core.Service;

/// <summary>
/// Dispatching by a worker: the same command and the same atomic store checks as a dispatcher's, made as
/// <see cref="AutoDispatcher"/> and carrying the decision's reason in the event.
/// </summary>
public sealed partial class OrderService
{
    /// <summary>The actor auto-dispatch acts as: a dispatcher named in the timeline.</summary>
    public static Actor AutoDispatcher { get; } = new("auto-dispatch", Role.Dispatcher);

    /// <summary>
    /// Puts <paramref name="driver"/> on the order if it is still at <paramref name="expectedVersion"/>; the store refuses
    /// (with <see cref="OrderConflictException"/>) a driver who is no longer available or an order that moved on.
    /// <paramref name="commandId"/> makes a retry answer with the first result.
    /// </summary>
    public async Task<Order> AutoDispatchAsync(
        Guid orderId, long expectedVersion, Driver driver, string reason, string commandId, string correlationId, CancellationToken cancellationToken = default)
    {
        if (await store.GetCommandResultAsync(commandId, cancellationToken) is { } earlier && earlier.Id == orderId)
        {
            return earlier;
        }

        var order = await LoadVisibleAsync(AutoDispatcher, orderId, cancellationToken);
        if (order.Version != expectedVersion)
        {
            throw TransitionChecks.Conflict(order.Id, order.Status, order.Version);
        }

        var transition = Plan(AutoDispatcher, order, Dispatch(driver), commandId) with { CorrelationId = correlationId, Detail = reason };
        var applied = await store.ApplyAsync(transition, cancellationToken);
        OrderMetrics.RecordTransition(order.Status, applied);
        return applied;
    }
}
