using System.Diagnostics.Metrics;
using OrderConsole.Core.Observability;
using Prometheus;

namespace OrderConsole.Observability;

/// <summary>
/// The platform's meters (runtime, Kestrel, circuits, SignalR, …) through prometheus-net's meter adapter, under
/// its names (<c>{meter}_{instrument}</c>: <c>system_runtime_dotnet_gc_collections</c>). Only the configured
/// meters, only this app's (another host's meter factory in the same process is not ours), never the console's
/// own meter (the bridge exports that with the right types).
/// </summary>
internal static class PlatformMeters
{
    /// <summary>For a platform histogram that advises no buckets: 1 ms to about 70 minutes, each bound 4× the last.</summary>
    public static readonly double[] DefaultBuckets = Histogram.ExponentialBuckets(0.001, 4, 12);

    // The adapter removes a series not updated for this long; an up-down counter (open connections, circuits)
    // removed while steady would come back counting from zero, so series are kept for the longest the adapter
    // allows (one day).
    private static readonly TimeSpan s_keepSeries = TimeSpan.FromDays(1);

    public static IDisposable Export(CollectorRegistry registry, MetricsOptions options, IMeterFactory meterFactory) =>
        MeterAdapter.StartListening(new MeterAdapterOptions
        {
            Registry = registry,
            // The default factory writes to the process-wide registry, whatever Registry says.
            MetricFactory = Metrics.WithCustomRegistry(registry),
            InstrumentFilterPredicate = instrument =>
                instrument.Meter.Name != ConsoleMetrics.MeterName
                && options.Includes(instrument.Meter.Name)
                && (instrument.Meter.Scope is null || ReferenceEquals(instrument.Meter.Scope, meterFactory)),
            MetricsExpireAfter = s_keepSeries,
            ResolveHistogramBuckets = instrument => AdvisedBuckets(instrument) ?? DefaultBuckets,
        });

    private static double[]? AdvisedBuckets(Instrument instrument) =>
        instrument is Instrument<double> { Advice.HistogramBucketBoundaries: { Count: > 0 } bounds } ? [.. bounds] : null;
}
