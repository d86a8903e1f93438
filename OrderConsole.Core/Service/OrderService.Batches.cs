using OrderConsole.Core.Drivers;
using OrderConsole.Core.Observability;
using OrderConsole.Core.Orders;
using OrderConsole.Core.Storage;

namespace OrderConsole.Core.Service;

/// <summary>Batches: several changes, on one order or many, applied in order as one — all of them or none.</summary>
public sealed partial class OrderService
{
    /// <summary>The most changes one batch may hold.</summary>
    public const int MaxBatchSteps = 100;

    /// <summary>
    /// Applies <paramref name="steps"/> in order, all or none. Each step is checked as its single command would
    /// be (who may do it, the transition table, its inputs), against the orders as the earlier steps leave them;
    /// then the store applies them all atomically, and every event carries <paramref name="correlationId"/>.
    /// When a step fails, <see cref="BatchFailedException"/> says which and why, nothing is applied, and the feed
    /// gets one <c>batch.rolled_back</c> event. A batch is applied once per <paramref name="commandId"/>
    /// (default: the correlation id): a repeat returns the first result without applying anything again.
    /// A refused batch is not remembered, so repeating it tries again.
    /// </summary>
    public async Task<AppliedBatch> ApplyBatchAsync(
        Actor actor, IReadOnlyList<BatchStep> steps, string correlationId, string? commandId = null, CancellationToken cancellationToken = default)
    {
        correlationId = OrderInput.Required(correlationId, "correlation_id", OrderInput.MaxNameLength);
        if (steps.Count is 0 or > MaxBatchSteps)
        {
            throw new OrderValidationException("events", $"a batch needs between 1 and {MaxBatchSteps} events; it has {steps.Count}");
        }

        var batchId = commandId ?? correlationId;
        if (await store.GetBatchResultAsync(batchId, cancellationToken) is { } earlier)
        {
            return earlier;
        }

        var transitions = await PlanBatchAsync(actor, steps, correlationId, batchId, cancellationToken);
        var applied = await store.ApplyBatchAsync(transitions, correlationId, actor.Name, batchId, cancellationToken);
        for (var index = 0; index < transitions.Count; index++)
        {
            OrderMetrics.RecordTransition(transitions[index].ExpectedStatus, applied.Orders[index]);
        }

        return applied;
    }

    /// <summary>Each step's transition, computed over a working copy of the orders the batch touches; writes nothing but a rollback event.</summary>
    private async Task<IReadOnlyList<OrderTransition>> PlanBatchAsync(
        Actor actor, IReadOnlyList<BatchStep> steps, string correlationId, string batchId, CancellationToken cancellationToken)
    {
        var working = new Dictionary<Guid, Order>();
        var transitions = new List<OrderTransition>(steps.Count);
        for (var index = 0; index < steps.Count; index++)
        {
            var step = steps[index];
            Order? order = null;
            try
            {
                order = working.GetValueOrDefault(step.OrderId) ?? await LoadVisibleAsync(actor, step.OrderId, cancellationToken);
                if (step.Target == OrderStatus.Delivered)
                {
                    // A batch carries no images: a supplier that asks for proof has its orders delivered one by one.
                    await EnsureProofAsync(order, hasReceiverName: false, hasPhoto: false, hasSignature: false, cancellationToken);
                }

                var command = await CommandForAsync(actor, step, cancellationToken);
                var transition = Plan(actor, order, command, $"{batchId}#{index}");
                working[step.OrderId] = transition.Next;
                transitions.Add(transition);
            }
            catch (OrderDomainException reason)
            {
                var failed = new BatchFailedException(index, step.OrderId, order?.Status, step.Target, reason);
                await store.RecordRolledBackBatchAsync(correlationId, actor.Name, failed.Message, cancellationToken);
                throw failed;
            }
        }

        return transitions;
    }

    /// <summary>The single command a step stands for, built from its fields exactly as that command's own method builds it.</summary>
    private async Task<OrderCommand> CommandForAsync(Actor actor, BatchStep step, CancellationToken cancellationToken) => step.Target switch
    {
        null => throw new OrderValidationException("event_type", $"\"{step.EventType}\" is not an order change a batch can make; use order.{{status}} (e.g. order.preparing) or order.reassigned"),
        OrderStatus.SupplierAccepted => SupplierAcceptance(step.Text("notes"), step.WholeNumber("estimated_time")),
        OrderStatus.SupplierRejected => SupplierRejection(step.Text("reason")),
        OrderStatus.CustomerAccepted => await OfferAcceptanceAsync(
            actor, step.OrderId, new CustomerDetails(step.Text("customer_name"), step.Text("customer_phone"), step.Text("delivery_address")) { DiscountCode = step.Text("discount_code") },
            cancellationToken),
        OrderStatus.Dispatched when step.IsReassignment => Reassignment(await FindDriverAsync(step.Text("driver_id"), step.Text("driver_name"), cancellationToken)),
        OrderStatus.Dispatched => Dispatch(await FindDriverAsync(step.Text("driver_id"), step.Text("driver_name"), cancellationToken)),
        OrderStatus.Cancelled => Cancellation(step.Text("reason")),
        { } to => Advance(to),
    };

    /// <summary>The driver a dispatch names, by id or else by name (ignoring case).</summary>
    private async Task<Driver> FindDriverAsync(string? driverId, string? driverName, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(driverId))
        {
            return await FindDriverAsync(driverId.Trim(), cancellationToken);
        }

        if (string.IsNullOrWhiteSpace(driverName))
        {
            throw new OrderValidationException("driver_id", "a dispatch needs a driver_id or a driver_name");
        }

        var drivers = await store.ListDriversAsync(cancellationToken);
        return drivers.FirstOrDefault(driver => string.Equals(driver.Name, driverName.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? throw new OrderValidationException("driver_name", $"no driver named {driverName.Trim()} exists");
    }
}
