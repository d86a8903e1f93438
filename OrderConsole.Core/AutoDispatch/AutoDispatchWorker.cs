using Microsoft.Extensions.Logging;
using OrderConsole.Core.Drivers;
using OrderConsole.Core.Events;
using OrderConsole.Core.Orders;
using OrderConsole.Core.Service;
using OrderConsole.Core.Storage;
using OrderConsole.Core.Workers;

namespace OrderConsole.Core.AutoDispatch;

/// <summary>
/// The <c>auto-dispatch</c> worker: when an order becomes ready and both the console's switch and its supplier's allow it,
/// puts the nearest available driver within the radius of the pickup on it (see <see cref="DriverChoice"/>), or notes
/// "no driver nearby" and leaves the order ready for a person. The assignment goes through the dispatch command, so the
/// store's atomic checks decide a race for a driver; the loser tries the next candidate. Every decision, with its reason,
/// is one event on the order's timeline, keyed by the ready event's id so a redelivered event decides nothing twice.
/// </summary>
public sealed class AutoDispatchWorker(IOrderStore store, OrderService orders, ILogger<AutoDispatchWorker> logger) : IFeedWorker
{
    public const string WorkerName = "auto-dispatch";

    private static readonly string s_ready = OrderEventTypes.ForStatus(OrderStatus.Ready);

    public string Name => WorkerName;

    /// <summary>The command id of the one decision made for a ready event: the assignment or the note.</summary>
    public static string DecisionId(string readyEventId) => $"{WorkerName}:{readyEventId}";

    public async Task HandleAsync(OrderEvent orderEvent, CancellationToken cancellationToken)
    {
        if (orderEvent.EventType != s_ready || orderEvent.Order is not { } readied
            || await store.GetSettingsAsync(cancellationToken) is not { AutoDispatch: true } settings)
        {
            return;
        }

        var decisionId = DecisionId(orderEvent.EventId);
        if (await store.GetCommandResultAsync(decisionId, cancellationToken) is not null)
        {
            return;
        }

        var supplier = (await store.ListSuppliersAsync(cancellationToken)).FirstOrDefault(candidate => candidate.Id == readied.SupplierId);
        if (supplier is not { AutoDispatch: true })
        {
            return;
        }

        if (!await StillReadyAsync(readied, decisionId, orderEvent.EventId, cancellationToken))
        {
            return;
        }

        if ((supplier.Latitude, supplier.Longitude) is not ({ } latitude, { } longitude))
        {
            await NoteAsync(readied, OrderEventTypes.NoDriverNearby, $"the pickup at {supplier.Name} has no location to measure from", decisionId, orderEvent.EventId, cancellationToken);
            return;
        }

        var taken = new List<DriverDistance>();
        while (true)
        {
            var choice = DriverChoice.For(await store.ListDriversAsync(cancellationToken), latitude, longitude, settings.AutoDispatchRadiusKm);
            var candidate = choice.Candidates.FirstOrDefault(next => !taken.Any(lost => lost.Driver.Id == next.Driver.Id));
            if (candidate is null)
            {
                await NoteAsync(readied, OrderEventTypes.NoDriverNearby, choice.NobodyNearby(taken), decisionId, orderEvent.EventId, cancellationToken);
                return;
            }

            try
            {
                await orders.AutoDispatchAsync(
                    readied.Id, readied.Version, candidate.Driver, choice.ReasonFor(candidate, taken), decisionId, orderEvent.EventId, cancellationToken);
                return;
            }
            catch (OrderConflictException refused)
            {
                // Either the driver went to another order first (try the next one) or the order itself moved on.
                if (!await StillReadyAsync(readied, decisionId, orderEvent.EventId, cancellationToken))
                {
                    return;
                }

                logger.LogDebug("Auto-dispatch lost {Driver} for {Order}: {Reason}", candidate.Driver.Name, readied.SupplierTrackingId, refused.Message);
                taken.Add(candidate);
            }
        }
    }

    /// <summary>True while the order is still as it became ready; otherwise notes why auto-dispatch stands aside, if a person dispatched it.</summary>
    private async Task<bool> StillReadyAsync(Order readied, string decisionId, string readyEventId, CancellationToken cancellationToken)
    {
        var current = await store.GetAsync(readied.Id, cancellationToken);
        if (current is { Status: OrderStatus.Ready } && current.Version == readied.Version)
        {
            return true;
        }

        if (current is { DriverName: { } driver } && await store.GetCommandResultAsync(decisionId, cancellationToken) is null)
        {
            await NoteAsync(current, OrderEventTypes.AutoDispatchSkipped, $"already dispatched to {driver}", decisionId, readyEventId, cancellationToken);
        }

        return false;
    }

    private async Task NoteAsync(Order order, string eventType, string detail, string decisionId, string readyEventId, CancellationToken cancellationToken)
    {
        await store.RecordOrderNoteAsync(order.Id, eventType, detail, OrderService.AutoDispatcher.Name, decisionId, readyEventId, cancellationToken);
        logger.LogInformation("Auto-dispatch for {Order}: {Detail}", order.SupplierTrackingId, detail);
    }
}
