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
/// observable instruments are read before every scrape.
/// </summary>
public sealed class ConsoleMeterBridge : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly IMetricFactory _factory;
    private readonly SeriesCap _cap;
    private readonly double[] _defaultBuckets;
    private readonly string _meterName;
    private readonly List<ExportedInstrument> _exported = [];
    private readonly Lock _exportedLock = new();
    private readonly Lock _scrapeLock = new();
    private volatile bool _disposed;

    /// <param name="registry">Where the metrics go.</param>
    /// <param name="maxSeriesPerMetric">The most label sets one metric may hold.</param>
    /// <param name="defaultBuckets">Bucket bounds, in seconds, for a histogram that advises none.</param>
    /// <param name="meterName">The meter to export; the console's own by default.</param>
    public ConsoleMeterBridge(CollectorRegistry registry, int maxSeriesPerMetric, double[] defaultBuckets, string meterName = ConsoleMetrics.MeterName)
    {
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
                return [.. _exported];
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
        if (instrument.Meter.Name != _meterName || InstrumentShape.Of(instrument) is not { } shape)
        {
            return;
        }

        var exported = new ExportedInstrument(instrument, shape, _factory, _cap, _defaultBuckets);
        lock (_exportedLock)
        {
            _exported.Add(exported);
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
