namespace OrderConsole.Tests.Observability;

/// <summary>Recording from many threads loses nothing; the series cap refuses new label sets and counts what it refused.</summary>
public sealed class RecordingTests
{
    [Fact]
    public void Recording_from_many_threads_at_once_loses_nothing()
    {
        using var meter = Exposition.NewMeter();
        using var collector = Exposition.CollectorFor(meter);
        var counter = meter.CreateCounter<long>("tests.hits");
        var fractions = meter.CreateCounter<double>("tests.fractions");
        var histogram = meter.CreateHistogram<double>("tests.latency", unit: "s");
        const int Threads = 8;
        const int PerThread = 20_000;

        Parallel.For(0, Threads, new ParallelOptions { MaxDegreeOfParallelism = Threads }, thread =>
        {
            var tag = new KeyValuePair<string, object?>("worker", thread % 2);
            for (var i = 0; i < PerThread; i++)
            {
                counter.Add(1, tag);
                fractions.Add(0.5);
                histogram.Record(0.25, tag);
            }
        });

        var scrape = Exposition.Scrape(collector);
        Assert.Equal(Threads * PerThread, scrape.Named("tests_hits_total").Sum(sample => sample.Value));
        Assert.Equal(Threads * PerThread / 2.0, scrape.Value("tests_fractions_total"));
        Assert.Equal(Threads * PerThread, scrape.Named("tests_latency_seconds_count").Sum(sample => sample.Value));
        Assert.Equal(Threads * PerThread * 0.25, scrape.Named("tests_latency_seconds_sum").Sum(sample => sample.Value));
    }

    [Fact]
    public void Past_the_series_cap_new_label_sets_are_dropped_and_counted()
    {
        using var meter = Exposition.NewMeter();
        using var collector = Exposition.CollectorFor(meter, maxSeries: 3);
        var counter = meter.CreateCounter<long>("tests.per_user");

        for (var user = 0; user < 10; user++)
        {
            counter.Add(1, new KeyValuePair<string, object?>("user", user));
        }

        counter.Add(1, new KeyValuePair<string, object?>("user", 0));

        var scrape = Exposition.Scrape(collector);
        Assert.Equal(3, scrape.Named("tests_per_user_total").Count());
        Assert.Equal(2, scrape.Value("tests_per_user_total", "user=\"0\""));
        Assert.Equal(7, scrape.Value("orderconsole_metrics_dropped_series_total", "instrument=\"tests_per_user_total\""));
        Assert.Contains("# TYPE orderconsole_metrics_dropped_series_total counter", scrape.Lines);
    }
}
