using System.Diagnostics.Metrics;
using OrderConsole.Core.Observability;

namespace OrderConsole.Core.Sla;

/// <summary>The SLA watcher's counter on the application meter: alerts raised, tagged <c>alert</c> (<c>at_risk</c>, <c>late</c>).</summary>
public sealed class SlaMetrics : IDisposable
{
    private readonly Meter? _ownMeter;
    private readonly Counter<long> _alerts;

    /// <param name="meters">The app's meter factory; without one (tests) a meter of its own.</param>
    public SlaMetrics(IMeterFactory? meters)
    {
        var meter = meters?.Create(ConsoleMetrics.MeterName) ?? (_ownMeter = new Meter(ConsoleMetrics.MeterName));
        _alerts = meter.CreateCounter<long>("orderconsole.sla.alerts", unit: "{alert}", description: "Orders the SLA watcher flagged at risk or late.");
    }

    public void RecordAlert(SlaAlert alert) =>
        _alerts.Add(1, new KeyValuePair<string, object?>("alert", alert == SlaAlert.Late ? "late" : "at_risk"));

    public void Dispose() => _ownMeter?.Dispose();
}
