using System.Diagnostics.Metrics;
using Microsoft.Extensions.Options;
using Prometheus;

namespace OrderConsole.Observability;

/// <summary>
/// This app's prometheus-net registry and what fills it: the bridge for our meter, the meter adapter for the
/// platform's. (prometheus-net's own process metrics, <c>DotNetStats</c>, are left out: they cost about 4 ms per
/// scrape here, twenty times the rest, and the runtime meter reports the same.) A registry per app (not the process-wide default) keeps two
/// hosts in one process (tests) apart. Created before the app starts, so listening starts with it.
/// </summary>
public sealed class MetricsExport : IDisposable
{
    /// <summary>For one of our histograms that advises no buckets: the Prometheus client default, in seconds.</summary>
    public static readonly double[] DefaultBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    private readonly IDisposable _platform;

    public MetricsExport(IOptions<MetricsOptions> options, IMeterFactory meterFactory)
    {
        Registry = Metrics.NewCustomRegistry();
        Bridge = new ConsoleMeterBridge(Registry, options.Value.MaxSeriesPerInstrument, DefaultBuckets, scope: meterFactory);
        _platform = PlatformMeters.Export(Registry, options.Value, meterFactory);
    }

    public CollectorRegistry Registry { get; }

    public ConsoleMeterBridge Bridge { get; }

    public void Dispose()
    {
        _platform.Dispose();
        Bridge.Dispose();
    }
}
