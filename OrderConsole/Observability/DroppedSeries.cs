using System.Collections.Concurrent;

namespace OrderConsole.Observability;

/// <summary>Measurements refused because their instrument already had the maximum number of series, counted per family.</summary>
public sealed class DroppedSeries
{
    public const string FamilyName = "orderconsole_metrics_dropped_series_total";

    private readonly ConcurrentDictionary<string, ValueSeries> _byFamily = new(StringComparer.Ordinal);

    public void Record(string family) => _byFamily.GetOrAdd(family, static _ => new ValueSeries()).Add(1);

    /// <summary>The count for each family that dropped anything.</summary>
    public IEnumerable<KeyValuePair<string, double>> Counts =>
        _byFamily.Select(pair => KeyValuePair.Create(pair.Key, pair.Value.Value));
}
