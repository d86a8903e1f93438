using OrderConsole.Core.Drivers;
using OrderConsole.Core.Events;
using OrderConsole.Core.Observability;
using OrderConsole.Core.Orders;
using OrderConsole.Core.Storage;
using OrderConsole.Core.Suppliers;

namespace OrderConsole.Core.Service;

/// <summary>
/// The commands and queries of the console. Each command loads the order, checks who may do it, computes
/// the next snapshot with <see cref="OrderChanges"/>, and hands it to the store to apply atomically.
/// The optional command id makes retries safe: the same id is applied once. <paramref name="defaultMarkupPercentage"/>
/// is the marketplace's markup as configuration gives it, for orders created before an admin saves settings.
/// </summary>
public sealed partial class OrderService(IOrderStore store, TimeProvider clock, decimal defaultMarkupPercentage = Pricing.DefaultMarkupPercentage)
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
        if (!supplier.Active)
        {
            throw new SupplierInactiveException(supplier.Name);
        }

        commandId ??= NewCommandId();

        // An order that names no markup gets its supplier's default, else the marketplace's as the settings have it
        // now, else as configuration gives it.
        var markup = command.MarkupPercentage ?? supplier.DefaultMarkupPercentage
            ?? (await store.GetSettingsAsync(cancellationToken))?.DefaultMarkupPercentage
            ?? defaultMarkupPercentage;
        for (var attempt = 1; ; attempt++)
        {
            var order = OrderChanges.Create(
                supplier, command.Items, markup, clock.GetUtcNow(),
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
        ChangeAsync(actor, orderId, SupplierAcceptance(notes, estimatedMinutes), commandId, cancellationToken);

    public Task<Order> RejectAsSupplierAsync(Actor actor, Guid orderId, string? reason, string? commandId = null, CancellationToken cancellationToken = default) =>
        ChangeAsync(actor, orderId, SupplierRejection(reason), commandId, cancellationToken);

    public async Task<Order> AcceptOfferAsync(Actor actor, Guid orderId, CustomerDetails customer, string? commandId = null, CancellationToken cancellationToken = default) =>
        await ChangeAsync(actor, orderId, await OfferAcceptanceAsync(actor, orderId, customer, cancellationToken), commandId, cancellationToken);

    public Task<Order> CancelAsync(Actor actor, Guid orderId, string? reason, string? commandId = null, CancellationToken cancellationToken = default) =>
        ChangeAsync(actor, orderId, Cancellation(reason), commandId, cancellationToken);

    /// <summary>Preparing, ready, in transit or delivered: the moves that need no input. Delivery frees the driver.</summary>
    public Task<Order> AdvanceAsync(Actor actor, Guid orderId, OrderStatus to, string? commandId = null, CancellationToken cancellationToken = default) =>
        to == OrderStatus.Delivered
            ? DeliverAsync(actor, orderId, proof: null, commandId, cancellationToken)
            : ChangeAsync(actor, orderId, Advance(to), commandId, cancellationToken);

    public async Task<Order> DispatchAsync(Actor actor, Guid orderId, string driverId, string? commandId = null, CancellationToken cancellationToken = default)
    {
        var driver = await FindDriverAsync(driverId, cancellationToken);
        return await ChangeAsync(actor, orderId, Dispatch(driver), commandId, cancellationToken);
    }

    /// <summary>
    /// Gives a dispatched order (not yet in transit) another available driver: the previous driver is released
    /// and the new one made busy in the same atomic write as the order change.
    /// </summary>
    public async Task<Order> ReassignAsync(Actor actor, Guid orderId, string driverId, string? commandId = null, CancellationToken cancellationToken = default)
    {
        var driver = await FindDriverAsync(driverId, cancellationToken);
        return await ChangeAsync(actor, orderId, Reassignment(driver), commandId, cancellationToken);
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

    private async Task<Order> ChangeAsync(Actor actor, Guid orderId, OrderCommand command, string? commandId, CancellationToken cancellationToken)
    {
        // A retry of a command that already applied (say after "outcome unknown") answers with its first result.
        if (commandId is not null && await store.GetCommandResultAsync(commandId, cancellationToken) is { } earlier && earlier.Id == orderId)
        {
            return earlier;
        }

        var order = await LoadVisibleAsync(actor, orderId, cancellationToken);
        var transition = Plan(actor, order, command, commandId ?? NewCommandId());
        var applied = await store.ApplyAsync(transition, cancellationToken);
        OrderMetrics.RecordTransition(order.Status, applied);
        return applied;
    }

    /// <summary>The order as the store has it, if the actor may see it; orders they may not see look like orders that do not exist.</summary>
    private async Task<Order> LoadVisibleAsync(Actor actor, Guid orderId, CancellationToken cancellationToken)
    {
        var order = await store.GetAsync(orderId, cancellationToken);
        return order is not null && OrderAccess.CanSee(actor, order) ? order : throw new OrderNotFoundException(orderId.ToString());
    }

    /// <summary>
    /// The one path from a command to the transition the store applies: checks the actor may make the move on
    /// this order, computes the next snapshot, and names the driver changes that go with it. Writes nothing.
    /// </summary>
    private static OrderTransition Plan(Actor actor, Order order, OrderCommand command, string commandId)
    {
        // The command's own check comes before the permission check, so its message can name the command.
        command.Ensure?.Invoke(order);
        OrderTransitions.EnsurePermitted(actor, order, command.To);
        var next = command.Change(order);
        return new OrderTransition(next, order.Status, order.Version, OrderEventTypes.ForMove(order.Status, command.To), actor.Name, commandId)
        {
            Drivers = command.Drivers?.Invoke(order) ?? [],
            Stock = StockChanges(order, next),
            Discount = command.Discount,
        };
    }

    private OrderCommand SupplierAcceptance(string? notes, int? estimatedMinutes) =>
        new(OrderStatus.SupplierAccepted, order => OrderChanges.AcceptBySupplier(order, notes, estimatedMinutes, clock.GetUtcNow()));

    private OrderCommand SupplierRejection(string? reason) =>
        new(OrderStatus.SupplierRejected, order => OrderChanges.RejectBySupplier(order, reason, clock.GetUtcNow()));

    private OrderCommand Cancellation(string? reason) =>
        new(OrderStatus.Cancelled, order => OrderChanges.Cancel(order, reason, clock.GetUtcNow()));

    private OrderCommand Advance(OrderStatus to)
    {
        if (to is not (OrderStatus.Preparing or OrderStatus.Ready or OrderStatus.InTransit or OrderStatus.Delivered))
        {
            throw new OrderValidationException("status", $"{to.ToWireName()} needs more than a status change; use its own command");
        }

        return new(
            to, order => OrderChanges.MoveTo(order, to, clock.GetUtcNow()),
            order => to == OrderStatus.Delivered && order.DriverId is { } driverId ? [DriverAssignment.Release(driverId)] : []);
    }

    private OrderCommand Dispatch(Driver driver) =>
        new(
            OrderStatus.Dispatched, order => OrderChanges.Dispatch(order, driver.Id, driver.Name, driver.Phone, clock.GetUtcNow()),
            order => [DriverAssignment.Assign(driver.Id, order.Id)])
        {
            Ensure = OrderChanges.EnsureDispatchable,
        };

    private OrderCommand Reassignment(Driver driver) =>
        new(
            OrderStatus.Dispatched, order => OrderChanges.Reassign(order, driver.Id, driver.Name, driver.Phone, clock.GetUtcNow()),
            order => order.DriverId is { } previous
                ? [DriverAssignment.Release(previous), DriverAssignment.Assign(driver.Id, order.Id)]
                : [DriverAssignment.Assign(driver.Id, order.Id)])
        {
            Ensure = order => OrderChanges.EnsureReassignable(order, driver.Id),
        };

    private async Task<Driver> FindDriverAsync(string driverId, CancellationToken cancellationToken) =>
        await store.GetDriverAsync(driverId, cancellationToken) ?? throw TransitionChecks.NoDriver(driverId);

    private static string NewCommandId() => Guid.NewGuid().ToString("N");

    private static string RoleName(Actor actor) => actor.Role.ToString().ToLowerInvariant();
}
