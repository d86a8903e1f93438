using System.Diagnostics.Metrics;

namespace OrderConsole.Observability;

/// <summary>How an instrument's measurements land in its metric: counters add, up-down counters move a gauge, observed values and gauges set it, histograms observe.</summary>
internal sealed record InstrumentShape(ExportKind Kind, bool Observed, bool Adds)
{
    /// <summary>The shape for an instrument's type, or null for one this exporter does not know.</summary>
    public static InstrumentShape? Of(Instrument instrument)
    {
        if (!instrument.GetType().IsGenericType)
        {
            return null;
        }

        var type = instrument.GetType().GetGenericTypeDefinition();
        return type switch
        {
            _ when type == typeof(Counter<>) => new(ExportKind.Counter, Observed: false, Adds: true),
            _ when type == typeof(UpDownCounter<>) => new(ExportKind.Gauge, Observed: false, Adds: true),
            _ when type == typeof(Gauge<>) => new(ExportKind.Gauge, Observed: false, Adds: false),
            _ when type == typeof(ObservableGauge<>) || type == typeof(ObservableUpDownCounter<>) => new(ExportKind.Gauge, Observed: true, Adds: false),
            _ when type == typeof(Histogram<>) => new(ExportKind.Histogram, Observed: false, Adds: false),
            _ => null, // An observable counter would need a counter that can be set: none of ours is one.
        };
    }
}
