using System.Diagnostics.Metrics;
using System.Globalization;

namespace OrderConsole.Tests.Observability;

/// <summary>Histogram invariants: cumulative buckets in increasing order, +Inf equal to the count, a sum, advised or default bounds.</summary>
public sealed class HistogramTests
{
    [Fact]
    public void Buckets_are_cumulative_in_increasing_order_and_Inf_equals_the_count()
    {
        using var meter = Exposition.NewMeter();
        using var collector = Exposition.CollectorFor(meter);
        var histogram = meter.CreateHistogram("tests.wait", unit: "s", advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.1, 1, 10] });

        foreach (var value in new[] { 0.05, 0.1, 0.5, 2, 20, 30 })
        {
            histogram.Record(value, new KeyValuePair<string, object?>("queue", "main"));
        }

        var scrape = Exposition.Scrape(collector);
        var buckets = scrape.Named("tests_wait_seconds_bucket").ToList();
        Assert.Equal(["0.1", "1", "10", "+Inf"], buckets.Select(LeOf));
        Assert.Equal([2.0, 3, 4, 6], buckets.Select(bucket => bucket.Value));
        Assert.All(buckets, bucket => Assert.StartsWith("queue=\"main\",le=", bucket.Labels, StringComparison.Ordinal));
        Assert.Equal(6, scrape.Value("tests_wait_seconds_count", "queue=\"main\""));
        Assert.Equal(52.65, scrape.Value("tests_wait_seconds_sum", "queue=\"main\""), 6);
    }

    [Fact]
    public void A_histogram_without_advice_uses_the_documented_default_buckets()
    {
        using var meter = Exposition.NewMeter();
        using var collector = Exposition.CollectorFor(meter);
        meter.CreateHistogram<int>("tests.size").Record(3);

        var buckets = Exposition.Scrape(collector).Named("tests_size_bucket").Select(LeOf).ToList();

        Assert.Equal(["0.005", "0.01", "0.025", "0.05", "0.1", "0.25", "0.5", "1", "2.5", "5", "10", "+Inf"], buckets);
    }

    [Fact]
    public void Every_histogram_series_keeps_the_invariants_whatever_was_recorded()
    {
        using var meter = Exposition.NewMeter();
        using var collector = Exposition.CollectorFor(meter);
        var histogram = meter.CreateHistogram<double>("tests.random");
        var random = new Random(42);
        for (var i = 0; i < 1000; i++)
        {
#pragma warning disable CA5394 // not security: spreads values over the buckets
            histogram.Record(random.NextDouble() * 20, new KeyValuePair<string, object?>("shard", i % 3));
#pragma warning restore CA5394
        }

        var scrape = Exposition.Scrape(collector);

        foreach (var shard in new[] { "0", "1", "2" })
        {
            var buckets = scrape.Named("tests_random_bucket").Where(bucket => bucket.Labels.StartsWith($"shard=\"{shard}\"", StringComparison.Ordinal)).ToList();
            var bounds = buckets.Select(LeOf).Select(le => le == "+Inf" ? double.PositiveInfinity : double.Parse(le, CultureInfo.InvariantCulture)).ToList();
            Assert.Equal(bounds.Order(), bounds);
            Assert.Equal(buckets.Select(bucket => bucket.Value).Order(), buckets.Select(bucket => bucket.Value));
            Assert.Equal(double.PositiveInfinity, bounds[^1]);
            Assert.Equal(scrape.Value("tests_random_count", $"shard=\"{shard}\""), buckets[^1].Value);
        }
    }

    private static string LeOf(Exposition.Sample bucket)
    {
        var start = bucket.Labels.IndexOf("le=\"", StringComparison.Ordinal) + 4;
        return bucket.Labels[start..bucket.Labels.IndexOf('"', start)];
    }
}
