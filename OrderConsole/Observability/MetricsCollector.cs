using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Numerics;

namespace OrderConsole.Observability;

/// <summary>
/// Listens to the configured meters and keeps what they measure as Prometheus families: synchronous counters
/// accumulate, histograms bucket, observable instruments are asked at every scrape. Instruments from meters
/// created by another host's meter factory (another app in the same process) are ignored.
/// </summary>
public sealed class MetricsCollector : IDisposable
{
    private readonly MetricsOptions _options;
    private readonly object? _scope;
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<string, MetricFamily> _byName = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _metersSeen = new(StringComparer.Ordinal);
    private readonly Lock _familiesLock = new();
    private readonly Lock _scrapeLock = new();
    private MetricFamily[] _families = [];

    /// <param name="options">Which meters, and the limits.</param>
    /// <param name="scope">The app's meter factory: meters it did not create are taken only when they have no scope (static meters).</param>
    public MetricsCollector(MetricsOptions options, object? scope = null)
    {
        _options = options;
        _scope = scope;
        _listener.InstrumentPublished = OnInstrumentPublished;
        _listener.SetMeasurementEventCallback<byte>(OnMeasurement);
        _listener.SetMeasurementEventCallback<short>(OnMeasurement);
        _listener.SetMeasurementEventCallback<int>(OnMeasurement);
        _listener.SetMeasurementEventCallback<long>(OnMeasurement);
        _listener.SetMeasurementEventCallback<float>(OnMeasurement);
        _listener.SetMeasurementEventCallback<double>(OnMeasurement);
        _listener.SetMeasurementEventCallback<decimal>(OnMeasurement);
        _listener.Start();
    }

    public DroppedSeries Dropped { get; } = new();

    /// <summary>Every meter published in this process, listened to or not (for finding meter names).</summary>
    public IReadOnlyCollection<string> MetersSeen => [.. _metersSeen.Keys.Order(StringComparer.Ordinal)];

    public IReadOnlyList<MetricFamily> Families => Volatile.Read(ref _families);

    /// <summary>Asks the observable instruments for their values, then writes every family. Scrapes run one at a time.</summary>
    public void WriteTo(TextWriter output)
    {
        lock (_scrapeLock)
        {
            var families = Volatile.Read(ref _families);
            foreach (var family in families)
            {
                if (family.IsObserved)
                {
                    family.Clear();
                }
            }

            _listener.RecordObservableInstruments();
            foreach (var family in families)
            {
                PrometheusTextWriter.Write(output, family);
            }

            PrometheusTextWriter.Write(output, Dropped);
        }
    }

    public void Dispose() => _listener.Dispose();

    private void OnInstrumentPublished(Instrument instrument, MeterListener listener)
    {
        var meter = instrument.Meter;
        _metersSeen[meter.Name] = true;
        if (!_options.Includes(meter.Name) || (meter.Scope is not null && !ReferenceEquals(meter.Scope, _scope)))
        {
            return;
        }

        if (InstrumentBinding.For(instrument) is not { } shape)
        {
            return;
        }

        var name = PrometheusNames.Family(instrument.Name, instrument.Unit, shape.Kind);
        var family = FamilyFor(name, instrument, shape);
        if (family.Kind == shape.Kind && family.IsObserved == shape.Observed)
        {
            listener.EnableMeasurementEvents(instrument, shape with { Family = family });
        }
    }

    private MetricFamily FamilyFor(string name, Instrument instrument, InstrumentBinding shape)
    {
        lock (_familiesLock)
        {
            if (_byName.TryGetValue(name, out var existing))
            {
                return existing;
            }

            var help = string.IsNullOrWhiteSpace(instrument.Description) ? instrument.Name : instrument.Description;
            var bounds = shape.Kind == MetricKind.Histogram ? HistogramBounds.For(instrument) ?? _options.DefaultBuckets : [];
            var family = new MetricFamily(name, help, shape.Kind, bounds, shape.Observed, _options.MaxSeriesPerInstrument, Dropped);
            _byName[name] = family;
            _families = [.. _families, family];
            return family;
        }
    }

    private static void OnMeasurement<T>(Instrument instrument, T measurement, ReadOnlySpan<KeyValuePair<string, object?>> tags, object? state)
        where T : struct, INumberBase<T>
    {
        if (state is InstrumentBinding { Family: { } family } binding)
        {
            binding.Apply(family, double.CreateSaturating(measurement), tags);
        }
    }
}
