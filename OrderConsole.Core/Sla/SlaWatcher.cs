using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OrderConsole.Core.Orders;
using OrderConsole.Core.Settings;
using OrderConsole.Core.Storage;
using OrderConsole.Core.Workers;

namespace OrderConsole.Core.Sla;

/// <summary>
/// Looks at every open order with an estimate each <see cref="SlaOptions.CheckInterval"/> (time alone makes an order
/// late, no event need come) and raises <c>order.at_risk</c> and <c>order.late</c> through the store. Each alert is
/// raised once per order, across restarts and instances: the order carries its flag, written in the store's atomic,
/// version-checked write with the event, so of two instances racing one wins and the other finds the flag set.
/// </summary>
public sealed class SlaWatcher(
    IOrderStore store,
    SlaOptions options,
    ConsoleSettings defaults,
    WorkerStatusBoard board,
    SlaMetrics metrics,
    TimeProvider clock,
    ILogger<SlaWatcher> logger) : BackgroundService
{
    /// <summary>The watcher's name on the worker board and in its events' actor.</summary>
    public const string Name = "sla";

    private static readonly OrderStatus[] s_watched =
        [OrderStatus.SupplierAccepted, OrderStatus.CustomerAccepted, OrderStatus.Preparing, OrderStatus.Ready, OrderStatus.Dispatched, OrderStatus.InTransit];

    /// <summary>One look at every open order; returns how many alerts it raised.</summary>
    public async Task<int> CheckAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var threshold = (await store.GetSettingsAsync(cancellationToken) ?? defaults).LateThreshold;
        var suppliers = (await store.ListSuppliersAsync(cancellationToken)).ToDictionary(supplier => supplier.Id, StringComparer.Ordinal);
        var drivers = (await store.ListDriversAsync(cancellationToken)).ToDictionary(driver => driver.Id, StringComparer.Ordinal);
        var raised = 0;
        foreach (var status in s_watched)
        {
            var orders = await store.ListAsync(new OrderQuery { Statuses = [status], Limit = options.MaxOrdersPerStatus }, cancellationToken);
            foreach (var order in orders.Where(order => order.EstimatedArrival is not null && order.LateAt is null))
            {
                var driver = order.DriverId is { } driverId ? drivers.GetValueOrDefault(driverId) : null;
                var predicted = ArrivalPredictor.Predict(order, suppliers.GetValueOrDefault(order.SupplierId), driver, now, options);
                if (SlaAlerts.Due(order, predicted, now, threshold) is { } alert && await RaiseAsync(order, alert, predicted, now, cancellationToken))
                {
                    raised++;
                }
            }
        }

        return raised;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        board.Register(Name);
        // The first look comes one interval after start, like every later one: an instance starting up has enough to do.
        while (await WaitAsync(stoppingToken))
        {
            try
            {
                await CheckAsync(stoppingToken);
                board.RecordBacklog(Name, new WorkerBacklog(Lag: null, Pending: 0, DeadLetters: 0), clock.GetUtcNow());
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception failure)
            {
                // The store is away: nothing was flagged that was not written; the next look tries again.
                board.RecordError(Name, failure.Message, clock.GetUtcNow(), attempt: true);
                logger.LogWarning(failure, "The SLA watcher could not look at the open orders; trying again");
            }
        }
    }

    private async Task<bool> WaitAsync(CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(options.CheckInterval, clock, stoppingToken);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>Writes the flag and its event; false when the order changed meanwhile (the next look judges it afresh).</summary>
    private async Task<bool> RaiseAsync(Order order, SlaAlert alert, DateTimeOffset? predicted, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var next = SlaAlerts.Flag(order, alert, predicted, now);
        var transition = new OrderTransition(next, order.Status, order.Version, SlaAlerts.EventType(alert), Name, SlaAlerts.CommandId(order, alert));
        try
        {
            await store.ApplyAsync(transition, cancellationToken);
        }
        catch (Exception race) when (race is OrderConflictException or IllegalTransitionException or OrderNotFoundException)
        {
            return false;
        }

        board.RecordHandled(Name, now);
        metrics.RecordAlert(alert);
        logger.LogInformation("Order {Order} is {Alert}", order.SupplierTrackingId, SlaAlerts.EventType(alert));
        return true;
    }
}
