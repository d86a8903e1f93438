using System.Diagnostics.Metrics;
using System.Numerics;
using OrderConsole.Core.Observability;
using Prometheus;

namespace OrderConsole.Observability;

/// <summary>
/// Exports the <c>OrderConsole</c> meter into a prometheus-net registry with the right types, which the meter
/// adapter does not give (its counters are gauges, its series expire, it has no series cap): counters as
/// <c>Counter</c>s ending in <c>_total</c>, histograms in seconds with the instrument's advised buckets, gauges
/// as <c>Gauge</c>s. It listens from its creation, so nothing recorded before the first scrape is lost;
/// observable instruments are read before every scrape. Instruments with the same name (one per connection, or
/// on the meters of one factory) feed one metric; meters created by another host's meter factory in the same
/// process are not this app's and are left alone.
/// </summary>
public sealed class ConsoleMeterBridge : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly IMetricFactory _factory;
    private readonly SeriesCap _cap;
    private readonly double[] _defaultBuckets;
    private readonly string _meterName;
    private readonly object? _scope;
    private readonly Dictionary<string, ExportedInstrument> _exported = new(StringComparer.Ordinal);
    private readonly Lock _exportedLock = new();
    private readonly Lock _scrapeLock = new();
    private volatile bool _disposed;

    /// <param name="registry">Where the metrics go.</param>
    /// <param name="maxSeriesPerMetric">The most label sets one metric may hold.</param>
    /// <param name="defaultBuckets">Bucket bounds, in seconds, for a histogram that advises none.</param>
    /// <param name="meterName">The meter to export; the console's own by default.</param>
    /// <param name="scope">The app's meter factory: a meter it did not create is taken only when it has no scope.</param>
    public ConsoleMeterBridge(CollectorRegistry registry, int maxSeriesPerMetric, double[] defaultBuckets, string meterName = ConsoleMetrics.MeterName, object? scope = null)
    {
        _scope = scope;
        _factory = Metrics.WithCustomRegistry(registry);
        _cap = new SeriesCap(maxSeriesPerMetric, _factory);
        _defaultBuckets = defaultBuckets;
        _meterName = meterName;
        _listener.InstrumentPublished = OnInstrumentPublished;
        _listener.SetMeasurementEventCallback<byte>(OnMeasurement);
        _listener.SetMeasurementEventCallback<short>(OnMeasurement);
        _listener.SetMeasurementEventCallback<int>(OnMeasurement);
        _listener.SetMeasurementEventCallback<long>(OnMeasurement);
        _listener.SetMeasurementEventCallback<float>(OnMeasurement);
        _listener.SetMeasurementEventCallback<double>(OnMeasurement);
        _listener.SetMeasurementEventCallback<decimal>(OnMeasurement);
        _listener.Start();
        registry.AddBeforeCollectCallback(Observe);
    }

    /// <summary>The metrics exported so far, one per instrument.</summary>
    internal IReadOnlyList<ExportedInstrument> Exported
    {
        get
        {
            lock (_exportedLock)
            {
                return [.. _exported.Values];
            }
        }
    }

    public void Dispose()
    {
        _disposed = true;
        _listener.Dispose();
    }

    private void OnInstrumentPublished(Instrument instrument, MeterListener listener)
    {
        if (instrument.Meter.Name != _meterName
            || (instrument.Meter.Scope is not null && !ReferenceEquals(instrument.Meter.Scope, _scope))
            || InstrumentShape.Of(instrument) is not { } shape)
        {
            return;
        }

        var name = PrometheusNames.Family(instrument.Meter.Name, instrument.Name, instrument.Unit, shape.Kind);
        ExportedInstrument exported;
        lock (_exportedLock)
        {
            if (!_exported.TryGetValue(name, out exported!))
            {
                exported = new ExportedInstrument(instrument, shape, _factory, _cap, _defaultBuckets);
                _exported[name] = exported;
            }
            else if (exported.Shape != shape)
            {
                return; // The name is taken by an instrument of another kind.
            }
        }

        listener.EnableMeasurementEvents(instrument, exported);
    }

    /// <summary>Before a scrape: asks the observable instruments for their values and removes the series they no longer report.</summary>
    private void Observe()
    {
        if (_disposed)
        {
            return;
        }

        lock (_scrapeLock)
        {
            var observed = Exported.Where(exported => exported.IsObserved).ToList();
            foreach (var exported in observed)
            {
                exported.BeginObservation();
            }

            _listener.RecordObservableInstruments();
            foreach (var exported in observed)
            {
                exported.EndObservation();
            }
        }
    }

    private static void OnMeasurement<T>(Instrument instrument, T measurement, ReadOnlySpan<KeyValuePair<string, object?>> tags, object? state)
        where T : struct, INumberBase<T>
    {
        if (state is ExportedInstrument exported)
        {
            exported.Record(double.CreateSaturating(measurement), tags);
        }
    }
}
