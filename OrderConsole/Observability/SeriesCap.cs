using Prometheus;

namespace OrderConsole.Observability;

/// <summary>
/// The most series (label sets) one exported metric may hold. prometheus-net has no such limit of its own, so the
/// bridge asks here before it adds a series; what it may not add is dropped and counted in
/// <c>orderconsole_metrics_dropped_series_total{metric}</c>.
/// </summary>
internal sealed class SeriesCap(int maxSeriesPerMetric, IMetricFactory factory)
{
    public const string DroppedFamily = "orderconsole_metrics_dropped_series_total";

    private readonly Counter _dropped = factory.CreateCounter(
        DroppedFamily,
        "Measurements dropped because their metric already held the most series allowed (Metrics:MaxSeriesPerInstrument).",
        ["metric"]);

    public int MaxSeriesPerMetric => maxSeriesPerMetric;

    public void Drop(string family) => _dropped.WithLabels(family).Inc();
}
