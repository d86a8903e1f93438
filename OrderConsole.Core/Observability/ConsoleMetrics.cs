using System.Diagnostics.Metrics;

namespace OrderConsole.Core.Observability;

/// <summary>The application meter every OrderConsole instrument lives on; <c>/metrics</c> exposes it next to the platform's meters.</summary>
public static class ConsoleMetrics
{
    public const string MeterName = "OrderConsole";

    /// <summary>Created once per process: instruments on it are static, like the platform's runtime meter.</summary>
    internal static Meter Meter { get; } = new(MeterName);

    /// <summary>Bucket bounds for user-facing latencies, 1 ms to 10 s.</summary>
    internal static IReadOnlyList<double> LatencyBuckets { get; } = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    /// <summary>Bucket bounds for deliveries, one minute to two hours.</summary>
    internal static IReadOnlyList<double> DeliveryBuckets { get; } = [60, 300, 600, 900, 1200, 1800, 2700, 3600, 5400, 7200];
}
