using System.Diagnostics.Metrics;

namespace OrderConsole.Observability;

/// <summary>How an instrument's measurements land in its family: counters add, observed values and gauges set, histograms record.</summary>
internal sealed record InstrumentBinding(MetricKind Kind, bool Observed, bool Accumulates)
{
    public MetricFamily? Family { get; init; }

    /// <summary>The binding for an instrument's type, or null for a type this exporter does not know.</summary>
    public static InstrumentBinding? For(Instrument instrument)
    {
        if (!instrument.GetType().IsGenericType)
        {
            return null;
        }

        var type = instrument.GetType().GetGenericTypeDefinition();
        return type switch
        {
            _ when type == typeof(Counter<>) => new(MetricKind.Counter, Observed: false, Accumulates: true),
            _ when type == typeof(ObservableCounter<>) => new(MetricKind.Counter, Observed: true, Accumulates: false),
            _ when type == typeof(UpDownCounter<>) => new(MetricKind.Gauge, Observed: false, Accumulates: true),
            _ when type == typeof(ObservableUpDownCounter<>) => new(MetricKind.Gauge, Observed: true, Accumulates: false),
            _ when type == typeof(ObservableGauge<>) => new(MetricKind.Gauge, Observed: true, Accumulates: false),
            _ when type == typeof(Gauge<>) => new(MetricKind.Gauge, Observed: false, Accumulates: false),
            _ when type == typeof(Histogram<>) => new(MetricKind.Histogram, Observed: false, Accumulates: false),
            _ => null,
        };
    }

    public void Apply(MetricFamily family, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (Kind == MetricKind.Histogram)
        {
            family.Record(value, tags);
        }
        else if (Accumulates)
        {
            family.Add(value, tags);
        }
        else
        {
            family.Set(value, tags);
        }
    }
}
