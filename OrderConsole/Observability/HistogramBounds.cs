using System.Diagnostics.Metrics;

namespace OrderConsole.Observability;

/// <summary>Bucket bounds from an instrument's advice (<see cref="InstrumentAdvice{T}.HistogramBucketBoundaries"/>), finite, sorted, distinct.</summary>
internal static class HistogramBounds
{
    public static double[]? For(Instrument instrument)
    {
        IEnumerable<double>? advised = instrument switch
        {
            Instrument<double> typed => typed.Advice?.HistogramBucketBoundaries,
            Instrument<float> typed => typed.Advice?.HistogramBucketBoundaries?.Select(bound => (double)bound),
            Instrument<long> typed => typed.Advice?.HistogramBucketBoundaries?.Select(bound => (double)bound),
            Instrument<int> typed => typed.Advice?.HistogramBucketBoundaries?.Select(bound => (double)bound),
            Instrument<short> typed => typed.Advice?.HistogramBucketBoundaries?.Select(bound => (double)bound),
            Instrument<byte> typed => typed.Advice?.HistogramBucketBoundaries?.Select(bound => (double)bound),
            Instrument<decimal> typed => typed.Advice?.HistogramBucketBoundaries?.Select(bound => (double)bound),
            _ => null,
        };

        var bounds = advised?.Where(double.IsFinite).Distinct().Order().ToArray();
        return bounds is { Length: > 0 } ? bounds : null;
    }
}
