using OrderConsole.Core.Drivers;
using OrderConsole.Core.Events;
using OrderConsole.Core.Observability;
using OrderConsole.Core.Orders;
using OrderConsole.Core.Storage;

namespace OrderConsole.Core.Service;

/// <summary>
/// The commands and queries of the console. Each command loads the order, checks who may do it, computes
/// the next snapshot with <see cref="OrderChanges"/>, and hands it to the store to apply atomically.
/// The optional command id makes retries safe: the same id is applied once.
/// </summary>
public sealed class OrderService(IOrderStore store, TimeProvider clock)
{
    private const int TrackingCodeAttempts = 5;

    public async Task<Order> CreateAsync(Actor actor, CreateOrder command, string? commandId = null, CancellationToken cancellationToken = default)
    {
        if (actor.Role is not (Role.Supplier or Role.Admin))
        {
            throw new ForbiddenOrderActionException($"a {RoleName(actor)} may not create orders");
        }

        if (actor.Role == Role.Supplier && actor.SupplierId != command.SupplierId)
        {
            throw new ForbiddenOrderActionException("a supplier may create orders only for their own supplier");
        }

        var supplier = (await store.ListSuppliersAsync(cancellationToken)).FirstOrDefault(candidate => candidate.Id == command.SupplierId)
            ?? throw new OrderValidationException("supplier_id", $"no supplier {command.SupplierId} exists");
        commandId ??= NewCommandId();

        for (var attempt = 1; ; attempt++)
        {
            var order = OrderChanges.Create(
                supplier, command.Items, command.MarkupPercentage, clock.GetUtcNow(),
                TrackingCodes.NewTrackingId(), TrackingCodes.NewTrackingToken());
            try
            {
                var created = await store.CreateAsync(order, supplier, actor.Name, commandId, cancellationToken);
                OrderMetrics.RecordCreated();
                return created;
            }
            catch (DuplicateTrackingCodeException) when (attempt < TrackingCodeAttempts)
            {
                // A random 8-digit code collided with a live one; draw again.
            }
        }
    }

    public Task<Order> AcceptAsSupplierAsync(Actor actor, Guid orderId, string? notes, int? estimatedMinutes, string? commandId = null, CancellationToken cancellationToken = default) =>
        ChangeAsync(actor, orderId, OrderStatus.SupplierAccepted, order => OrderChanges.AcceptBySupplier(order, notes, estimatedMinutes, clock.GetUtcNow()), commandId, cancellationToken);

    public Task<Order> RejectAsSupplierAsync(Actor actor, Guid orderId, string? reason, string? commandId = null, CancellationToken cancellationToken = default) =>
        ChangeAsync(actor, orderId, OrderStatus.SupplierRejected, order => OrderChanges.RejectBySupplier(order, reason, clock.GetUtcNow()), commandId, cancellationToken);

    public Task<Order> AcceptOfferAsync(Actor actor, Guid orderId, CustomerDetails customer, string? commandId = null, CancellationToken cancellationToken = default) =>
        ChangeAsync(actor, orderId, OrderStatus.CustomerAccepted, order => OrderChanges.AcceptByCustomer(order, customer.Name, customer.Phone, customer.Address, clock.GetUtcNow(), actor.Role == Role.Customer ? actor.Name : null), commandId, cancellationToken);

    public Task<Order> CancelAsync(Actor actor, Guid orderId, string? reason, string? commandId = null, CancellationToken cancellationToken = default) =>
        ChangeAsync(actor, orderId, OrderStatus.Cancelled, order => OrderChanges.Cancel(order, reason, clock.GetUtcNow()), commandId, cancellationToken);

    /// <summary>Preparing, ready, in transit or delivered: the moves that need no input. Delivery frees the driver.</summary>
    public Task<Order> AdvanceAsync(Actor actor, Guid orderId, OrderStatus to, string? commandId = null, CancellationToken cancellationToken = default)
    {
        if (to is not (OrderStatus.Preparing or OrderStatus.Ready or OrderStatus.InTransit or OrderStatus.Delivered))
        {
            throw new OrderValidationException("status", $"{to.ToWireName()} needs more than a status change; use its own command");
        }

        return ChangeAsync(
            actor, orderId, to, order => OrderChanges.MoveTo(order, to, clock.GetUtcNow()), commandId, cancellationToken,
            drivers: order => to == OrderStatus.Delivered && order.DriverId is { } driverId ? [DriverAssignment.Release(driverId)] : []);
    }

    public async Task<Order> DispatchAsync(Actor actor, Guid orderId, string driverId, string? commandId = null, CancellationToken cancellationToken = default)
    {
        var driver = await FindDriverAsync(driverId, cancellationToken);
        return await ChangeAsync(
            actor, orderId, OrderStatus.Dispatched, order => OrderChanges.Dispatch(order, driver.Id, driver.Name, driver.Phone, clock.GetUtcNow()), commandId, cancellationToken,
            drivers: order => [DriverAssignment.Assign(driver.Id, order.Id)],
            ensure: OrderChanges.EnsureDispatchable);
    }

    /// <summary>
    /// Gives a dispatched order (not yet in transit) another available driver: the previous driver is released
    /// and the new one made busy in the same atomic write as the order change.
    /// </summary>
    public async Task<Order> ReassignAsync(Actor actor, Guid orderId, string driverId, string? commandId = null, CancellationToken cancellationToken = default)
    {
        var driver = await FindDriverAsync(driverId, cancellationToken);
        return await ChangeAsync(
            actor, orderId, OrderStatus.Dispatched, order => OrderChanges.Reassign(order, driver.Id, driver.Name, driver.Phone, clock.GetUtcNow()), commandId, cancellationToken,
            drivers: order => order.DriverId is { } previous
                ? [DriverAssignment.Release(previous), DriverAssignment.Assign(driver.Id, order.Id)]
                : [DriverAssignment.Assign(driver.Id, order.Id)],
            ensure: order => OrderChanges.EnsureReassignable(order, driver.Id));
    }

    /// <summary>A driver reports where they are; a dispatcher or admin may report for any driver.</summary>
    public Task<Driver> ReportPositionAsync(Actor actor, string driverId, double? latitude, double? longitude, CancellationToken cancellationToken = default)
    {
        if (actor.Role is not (Role.Driver or Role.Dispatcher or Role.Admin) || (actor.Role == Role.Driver && actor.DriverId != driverId))
        {
            throw new ForbiddenOrderActionException("only the driver themselves, a dispatcher or an admin may report a driver's position");
        }

        if (latitude is not (>= -90 and <= 90))
        {
            throw new OrderValidationException("latitude", "the latitude must be between -90 and 90 degrees");
        }

        if (longitude is not (>= -180 and <= 180))
        {
            throw new OrderValidationException("longitude", "the longitude must be between -180 and 180 degrees");
        }

        return store.ReportDriverPositionAsync(driverId, latitude.Value, longitude.Value, clock.GetUtcNow(), actor.Name, cancellationToken);
    }

    public async Task<Order> GetAsync(Actor actor, Guid orderId, CancellationToken cancellationToken = default)
    {
        var order = await store.GetAsync(orderId, cancellationToken);
        return order is not null && OrderAccess.CanSee(actor, order) ? order : throw new OrderNotFoundException(orderId.ToString());
    }

    public async Task<IReadOnlyList<OrderEvent>> GetHistoryAsync(Actor actor, Guid orderId, CancellationToken cancellationToken = default)
    {
        await GetAsync(actor, orderId, cancellationToken);
        return await store.GetHistoryAsync(orderId, cancellationToken);
    }

    // `ensure` is a command's own check of the loaded order, made before the permission check so its message can name the command.
    private async Task<Order> ChangeAsync(
        Actor actor, Guid orderId, OrderStatus to, Func<Order, Order> change, string? commandId, CancellationToken cancellationToken,
        Func<Order, IReadOnlyList<DriverAssignment>>? drivers = null, Action<Order>? ensure = null)
    {
        // A retry of a command that already applied (say after "outcome unknown") answers with its first result.
        if (commandId is not null && await store.GetCommandResultAsync(commandId, cancellationToken) is { } earlier && earlier.Id == orderId)
        {
            return earlier;
        }

        var order = await store.GetAsync(orderId, cancellationToken);
        if (order is null || !OrderAccess.CanSee(actor, order))
        {
            throw new OrderNotFoundException(orderId.ToString());
        }

        ensure?.Invoke(order);
        OrderTransitions.EnsurePermitted(actor, order, to);
        var next = change(order);
        var transition = new OrderTransition(next, order.Status, order.Version, OrderEventTypes.ForMove(order.Status, to), actor.Name, commandId ?? NewCommandId())
        {
            Drivers = drivers?.Invoke(order) ?? [],
        };
        var applied = await store.ApplyAsync(transition, cancellationToken);
        OrderMetrics.RecordTransition(order.Status, applied);
        return applied;
    }

    private async Task<Driver> FindDriverAsync(string driverId, CancellationToken cancellationToken) =>
        await store.GetDriverAsync(driverId, cancellationToken)
            ?? throw new OrderValidationException("driver_id", $"no driver {driverId} exists");

    private static string NewCommandId() => Guid.NewGuid().ToString("N");

    private static string RoleName(Actor actor) => actor.Role.ToString().ToLowerInvariant();
}
