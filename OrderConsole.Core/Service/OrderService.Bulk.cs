using OrderConsole.Core.Events;
using OrderConsole.Core.Orders;
using OrderConsole.Core.Storage;

namespace OrderConsole.Core.Service;

/// <summary>Bulk actions: one change for each of many orders, each applied or refused on its own.</summary>
public sealed partial class OrderService
{
    /// <summary>
    /// Cancels each of <paramref name="orderIds"/> with <paramref name="reason"/>; an order that may not be cancelled
    /// any more is left as it is and says why, without holding the others back.
    /// </summary>
    public Task<IReadOnlyList<BulkOutcome>> CancelEachAsync(Actor actor, IReadOnlyList<Guid> orderIds, string? reason, CancellationToken cancellationToken = default) =>
        ApplyToEachAsync(actor, [.. orderIds.Select(id => new BatchStep(OrderEventTypes.ForStatus(OrderStatus.Cancelled), id, Fields(("reason", reason))))], cancellationToken);

    /// <summary>
    /// Puts the driver <paramref name="driverId"/> on each of <paramref name="orderIds"/>: a ready order is dispatched, a
    /// dispatched one reassigned (<paramref name="dispatched"/> says which are). Each is applied or refused on its own.
    /// </summary>
    public Task<IReadOnlyList<BulkOutcome>> AssignEachAsync(
        Actor actor, IReadOnlyList<Guid> orderIds, string driverId, Func<Guid, bool> dispatched, CancellationToken cancellationToken = default) =>
        ApplyToEachAsync(
            actor,
            [.. orderIds.Select(id => new BatchStep(
                dispatched(id) ? OrderEventTypes.Reassigned : OrderEventTypes.ForStatus(OrderStatus.Dispatched), id, Fields(("driver_id", driverId))))],
            cancellationToken);

    /// <summary>
    /// Applies each step as a batch of its own — checked exactly as a batch is — so one refusal leaves the other rows
    /// alone. The rows share one correlation id, which their events carry, so the feed shows them as one bulk action.
    /// </summary>
    public async Task<IReadOnlyList<BulkOutcome>> ApplyToEachAsync(Actor actor, IReadOnlyList<BatchStep> steps, CancellationToken cancellationToken = default)
    {
        if (steps.Count is 0 or > MaxBatchSteps)
        {
            throw new OrderValidationException("orders", $"a bulk action takes between 1 and {MaxBatchSteps} orders; {steps.Count} were chosen");
        }

        var correlationId = "bulk-" + NewCommandId();
        var outcomes = new List<BulkOutcome>(steps.Count);
        for (var index = 0; index < steps.Count; index++)
        {
            var step = steps[index];
            try
            {
                var applied = await ApplyBatchAsync(actor, [step], correlationId, $"{correlationId}#{index}", cancellationToken);
                outcomes.Add(new BulkOutcome(step.OrderId, applied.Orders[0], null));
            }
            catch (BatchFailedException failed)
            {
                outcomes.Add(new BulkOutcome(step.OrderId, null, failed.Reason));
            }
            catch (StoreUnavailableException unavailable)
            {
                outcomes.Add(new BulkOutcome(step.OrderId, null, unavailable));
            }
        }

        return outcomes;
    }

    private static Dictionary<string, string?> Fields(params (string Name, string? Value)[] fields) =>
        fields.ToDictionary(field => field.Name, field => field.Value, StringComparer.Ordinal);
}
