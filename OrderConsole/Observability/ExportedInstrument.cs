using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Globalization;
using Prometheus;

namespace OrderConsole.Observability;

/// <summary>
/// One of the console's instruments (or several of one name) as a native prometheus-net metric: a series per label set (tags sorted by
/// name), no more series than the cap allows; an observed instrument shows exactly what its callback reported
/// at the last observation.
/// </summary>
internal sealed class ExportedInstrument
{
    private const char Separator = '\u001f';

    private static readonly ConcurrentDictionary<string, string> s_labelNames = new(StringComparer.Ordinal);

    private readonly InstrumentShape _shape;
    private readonly IMetricFactory _factory;
    private readonly SeriesCap _cap;
    private readonly double _scale;
    private readonly double[] _buckets;
    private readonly ConcurrentDictionary<string, Series> _series = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Func<string[], ChildBase>> _collectors = new(StringComparer.Ordinal);
    private readonly Lock _addLock = new();
    private List<Reading>? _observation;
    private bool _unexportable;

    public ExportedInstrument(Instrument instrument, InstrumentShape shape, IMetricFactory factory, SeriesCap cap, double[] defaultBuckets)
    {
        _shape = shape;
        _factory = factory;
        _cap = cap;
        _scale = PrometheusNames.Scale(instrument.Unit);
        _buckets = shape.Kind == ExportKind.Histogram ? [.. (AdvisedBuckets(instrument) ?? defaultBuckets).Select(bound => bound * _scale)] : [];
        Name = PrometheusNames.Family(instrument.Meter.Name, instrument.Name, instrument.Unit, shape.Kind);
        Help = string.IsNullOrWhiteSpace(instrument.Description) ? instrument.Name : instrument.Description;
    }

    public string Name { get; }

    public string Help { get; }

    public InstrumentShape Shape => _shape;

    public bool IsObserved => _shape.Observed;

    /// <summary>The histogram's bucket upper bounds (in the exported unit); empty for other kinds.</summary>
    public IReadOnlyList<double> Buckets => _buckets;

    public void Record(double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var (names, values) = Labels(tags);
        var key = string.Join(Separator, names) + '\u001e' + string.Join(Separator, values);
        if (_shape.Observed)
        {
            // Observable instruments report only while an observation runs; it applies what they said at its end.
            lock (_addLock)
            {
                _observation?.Add(new Reading(key, names, values, value));
            }

            return;
        }

        Apply(new Reading(key, names, values, value));
    }

    /// <summary>Starts an observation: what the instrument reports until <see cref="EndObservation"/> replaces what it showed.</summary>
    public void BeginObservation() => _observation = [];

    /// <summary>Removes the series the instrument no longer reports (first, so they do not count against the cap), then sets the reported ones.</summary>
    public void EndObservation()
    {
        var readings = _observation ?? [];
        _observation = null;
        var reported = readings.Select(reading => reading.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var (key, series) in _series)
        {
            if (!reported.Contains(key) && _series.TryRemove(key, out _))
            {
                series.Child.Remove();
            }
        }

        foreach (var reading in readings)
        {
            Apply(reading);
        }
    }

    private void Apply(Reading reading)
    {
        if (!_series.TryGetValue(reading.Key, out var series) && (series = Add(reading)) is null)
        {
            return;
        }

        var scaled = reading.Value * _scale;
        switch (series.Child)
        {
            case ICounter counter when scaled >= 0:
                counter.Inc(scaled);
                break;
            case IGauge gauge when _shape.Adds:
                gauge.Inc(scaled);
                break;
            case IGauge gauge:
                gauge.Set(scaled);
                break;
            case IHistogram histogram:
                histogram.Observe(scaled);
                break;
        }
    }

    private Series? Add(Reading reading)
    {
        lock (_addLock)
        {
            if (_series.TryGetValue(reading.Key, out var existing))
            {
                return existing;
            }

            if (_unexportable)
            {
                return null;
            }

            if (_series.Count >= _cap.MaxSeriesPerMetric)
            {
                _cap.Drop(Name);
                return null;
            }

            try
            {
                var series = new Series(CollectorFor(reading.Names)(reading.Values));
                _series[reading.Key] = series;
                return series;
            }
            catch (Exception error) when (error is InvalidOperationException or ArgumentException)
            {
                // A name taken by a metric of another type, or labels prometheus-net refuses: this instrument is not exported.
                _unexportable = true;
                return null;
            }
        }
    }

    private Func<string[], ChildBase> CollectorFor(string[] names)
    {
        var key = string.Join(Separator, names);
        if (_collectors.TryGetValue(key, out var collector))
        {
            return collector;
        }

        // prometheus-net keeps collectors with different label names in one family, as Prometheus allows.
        collector = _shape.Kind switch
        {
            ExportKind.Counter => _factory.CreateCounter(Name, Help, names).WithLabels,
            ExportKind.Gauge => _factory.CreateGauge(Name, Help, names).WithLabels,
            _ => _factory.CreateHistogram(Name, Help, names, new HistogramConfiguration { Buckets = _buckets }).WithLabels,
        };
        _collectors[key] = collector;
        return collector;
    }

    private static (string[] Names, string[] Values) Labels(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (tags.IsEmpty)
        {
            return ([], []);
        }

        var names = new string[tags.Length];
        var values = new string[tags.Length];
        for (var i = 0; i < tags.Length; i++)
        {
            names[i] = s_labelNames.GetOrAdd(tags[i].Key, PrometheusNames.Label);
            values[i] = Format(tags[i].Value);
        }

        Array.Sort(names, values, StringComparer.Ordinal);
        return (names, values);
    }

    private static string Format(object? value) => value switch
    {
        null => string.Empty,
        string text => text,
        bool flag => flag ? "true" : "false",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    private static IEnumerable<double>? AdvisedBuckets(Instrument instrument)
    {
        IEnumerable<double>? advised = instrument switch
        {
            Instrument<double> typed => typed.Advice?.HistogramBucketBoundaries,
            Instrument<long> typed => typed.Advice?.HistogramBucketBoundaries?.Select(bound => (double)bound),
            Instrument<int> typed => typed.Advice?.HistogramBucketBoundaries?.Select(bound => (double)bound),
            _ => null,
        };
        var bounds = advised?.Where(double.IsFinite).Distinct().Order().ToArray();
        return bounds is { Length: > 0 } ? bounds : null;
    }

    /// <summary>One label set's child metric.</summary>
    private sealed record Series(ChildBase Child);

    /// <summary>One measurement with its labels (names sorted, values in the same order) and the series key they make.</summary>
    private sealed record Reading(string Key, string[] Names, string[] Values, double Value);
}
