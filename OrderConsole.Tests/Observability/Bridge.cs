using System.Diagnostics.Metrics;
using OrderConsole.Observability;
using Prometheus;

namespace OrderConsole.Tests.Observability;

/// <summary>A bridge over a meter of its own and a registry of its own, so tests running side by side do not see each other.</summary>
public sealed class Bridge : IDisposable
{
    private readonly ConsoleMeterBridge _bridge;

    public Bridge(int maxSeries = 1000, object? scope = null)
    {
        Meter = Exposition.NewMeter();
        Registry = Metrics.NewCustomRegistry();
        _bridge = new ConsoleMeterBridge(Registry, maxSeries, MetricsExport.DefaultBuckets, Meter.Name, scope);
    }

    public Meter Meter { get; }

    public CollectorRegistry Registry { get; }

    /// <summary>The family name the bridge gives an instrument named <paramref name="suffix"/> after the meter's prefix.</summary>
    public string Family(string suffix) => Exposition.Prefix(Meter) + suffix;

    public Task<Exposition> ScrapeAsync() => Exposition.ScrapeAsync(Registry);

    public void Dispose()
    {
        _bridge.Dispose();
        Meter.Dispose();
    }
}
