using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using OrderConsole.Core.Live;
using OrderConsole.Core.Orders;

namespace OrderConsole.Core.Observability;

/// <summary>What the live read model shows: orders by status, active deliveries, feed lag, and event-to-render latency.</summary>
public static class LiveMetrics
{
    private static readonly ConcurrentDictionary<LiveOrders, bool> s_models = new();

    private static readonly Histogram<double> s_updateLatency = ConsoleMetrics.Meter.CreateHistogram(
        "orderconsole.live.update.latency", unit: "s", description: "Time from an event's commit to the re-render of a page it changed.",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = ConsoleMetrics.LatencyBuckets });

    // Kept in fields so the observable instruments exist from the first use of this type.
    private static readonly ObservableGauge<int> s_byStatus = ConsoleMetrics.Meter.CreateObservableGauge(
        "orderconsole.orders.by_status", ObserveByStatus, unit: "{order}", description: "Orders in the read model, by status.");

    private static readonly ObservableGauge<int> s_activeDeliveries = ConsoleMetrics.Meter.CreateObservableGauge(
        "orderconsole.deliveries.active", ObserveActiveDeliveries, unit: "{delivery}", description: "Orders dispatched or in transit.");

    private static readonly ObservableGauge<double> s_feedLag = ConsoleMetrics.Meter.CreateObservableGauge(
        "orderconsole.feed.lag", ObserveFeedLag, unit: "s", description: "How far the read model trails the newest feed event; 0 when caught up.");

    private static readonly ObservableGauge<int> s_atRisk = ConsoleMetrics.Meter.CreateObservableGauge(
        "orderconsole.orders.at_risk", () => ObserveFigure(figures => figures.AtRiskOrders), unit: "{order}", description: "Open orders the SLA watcher flagged at risk and not yet late.");

    private static readonly ObservableGauge<int> s_late = ConsoleMetrics.Meter.CreateObservableGauge(
        "orderconsole.orders.late", () => ObserveFigure(figures => figures.LateOrders), unit: "{order}", description: "Open orders the SLA watcher flagged late.");

    private static readonly ObservableGauge<double> s_lateRate = ConsoleMetrics.Meter.CreateObservableGauge(
        "orderconsole.deliveries.late_rate", ObserveLateRate, description: "Share of recent delivered orders that arrived after their estimated arrival (0 to 1).");

    /// <summary>Makes the gauges report <paramref name="live"/> until <see cref="Forget"/>.</summary>
    public static void Observe(LiveOrders live)
    {
        _ = (s_byStatus, s_activeDeliveries, s_feedLag, s_atRisk, s_late, s_lateRate);
        s_models[live] = true;
    }

    public static void Forget(LiveOrders live) => s_models.TryRemove(live, out _);

    /// <summary>Records the time from an event's commit to the render of a page showing it.</summary>
    public static void RecordUpdateLatency(TimeSpan latency) => s_updateLatency.Record(Math.Max(0, latency.TotalSeconds));

    private static IEnumerable<Measurement<int>> ObserveByStatus()
    {
        foreach (var live in s_models.Keys)
        {
            foreach (var (status, count) in live.CountsByStatus())
            {
                yield return new Measurement<int>(count, new KeyValuePair<string, object?>("status", status.ToWireName()));
            }
        }
    }

    private static IEnumerable<Measurement<int>> ObserveActiveDeliveries()
    {
        foreach (var live in s_models.Keys)
        {
            var counts = live.CountsByStatus();
            yield return new Measurement<int>(counts[OrderStatus.Dispatched] + counts[OrderStatus.InTransit]);
        }
    }

    private static IEnumerable<Measurement<int>> ObserveFigure(Func<DashboardFigures, int> figure)
    {
        foreach (var live in s_models.Keys)
        {
            yield return new Measurement<int>(figure(live.Figures()));
        }
    }

    private static IEnumerable<Measurement<double>> ObserveLateRate()
    {
        foreach (var live in s_models.Keys)
        {
            if (live.Figures().LateDeliveries.Rate is { } rate)
            {
                yield return new Measurement<double>(rate);
            }
        }
    }

    private static IEnumerable<Measurement<double>> ObserveFeedLag()
    {
        foreach (var live in s_models.Keys)
        {
            yield return new Measurement<double>(live.FeedLag.TotalSeconds);
        }
    }
}
