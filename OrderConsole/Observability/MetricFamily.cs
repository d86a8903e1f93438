using System.Collections.Concurrent;

namespace OrderConsole.Observability;

/// <summary>
/// One Prometheus family: its name, help, type and series by label set, holding at most a fixed number of
/// series (measurements for more are dropped and counted). Observed families are refilled at every scrape.
/// </summary>
public sealed class MetricFamily(string name, string help, MetricKind kind, IReadOnlyList<double> bounds, bool observed, int maxSeries, DroppedSeries dropped)
{
    private readonly ConcurrentDictionary<LabelSet, MetricSeries> _series = new();
    private readonly Lock _addLock = new();
    private int _count;

    public string Name => name;

    public string Help => help;

    public MetricKind Kind => kind;

    /// <summary>Histogram bucket upper bounds, increasing; empty for other kinds.</summary>
    public IReadOnlyList<double> Bounds => bounds;

    /// <summary>True for observable instruments: their callbacks report whole values at each scrape.</summary>
    public bool IsObserved => observed;

    public IEnumerable<KeyValuePair<LabelSet, MetricSeries>> Series => _series;

    public void Add(double amount, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (Find(tags) is ValueSeries series)
        {
            series.Add(amount);
        }
    }

    public void Set(double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (Find(tags) is ValueSeries series)
        {
            series.Set(value);
        }
    }

    public void Record(double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (Find(tags) is HistogramSeries series)
        {
            series.Record(value);
        }
    }

    /// <summary>Forgets every series; observed families call this before their callbacks report afresh.</summary>
    public void Clear()
    {
        lock (_addLock)
        {
            _series.Clear();
            _count = 0;
        }
    }

    private MetricSeries? Find(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var labels = LabelSet.From(tags);
        if (_series.TryGetValue(labels, out var series))
        {
            return series;
        }

        lock (_addLock)
        {
            if (_series.TryGetValue(labels, out series))
            {
                return series;
            }

            if (_count >= maxSeries)
            {
                dropped.Record(name);
                return null;
            }

            series = kind == MetricKind.Histogram ? new HistogramSeries(bounds) : new ValueSeries();
            _series[labels] = series;
            _count++;
            return series;
        }
    }
}
