using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;

namespace OrderConsole.Tests.Observability;

/// <summary>Our instruments come out of prometheus-net with the Prometheus types they mean.</summary>
public sealed class ConsoleMeterBridgeTests
{
    [Fact]
    public async Task A_counter_is_a_counter_ending_in_total_and_accumulates_across_scrapes()
    {
        using var bridge = new Bridge();
        var counter = bridge.Meter.CreateCounter<long>("orders.created", unit: "{order}", description: "Orders created.");

        counter.Add(2);
        await bridge.ScrapeAsync();
        counter.Add(3);
        var scrape = await bridge.ScrapeAsync();

        Assert.Contains($"# TYPE {bridge.Family("orders_created_total")} counter", scrape.Lines);
        Assert.Contains($"# HELP {bridge.Family("orders_created_total")} Orders created.", scrape.Lines);
        Assert.Equal(5, scrape.Value(bridge.Family("orders_created_total")));
    }

    [Fact]
    public async Task A_histogram_in_seconds_keeps_its_advised_buckets()
    {
        using var bridge = new Bridge();
        var histogram = bridge.Meter.CreateHistogram("command.duration", unit: "s",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.0001, 0.001, 0.01, 60] });

        foreach (var value in new[] { 0.00005, 0.0005, 0.5, 120 })
        {
            histogram.Record(value);
        }

        var scrape = await bridge.ScrapeAsync();
        var family = bridge.Family("command_duration_seconds");
        Assert.Contains($"# TYPE {family} histogram", scrape.Lines);
        Assert.Equal(["0.0001", "0.001", "0.01", "60", "+Inf"], scrape.Named(family + "_bucket").Select(Exposition.LeOf));
        Assert.Equal([1.0, 2, 2, 3, 4], scrape.Named(family + "_bucket").Select(bucket => bucket.Value));
        Assert.Equal(4, scrape.Value(family + "_count"));
    }

    [Fact]
    public async Task A_histogram_in_milliseconds_is_exported_in_seconds()
    {
        using var bridge = new Bridge();
        var histogram = bridge.Meter.CreateHistogram("render.time", unit: "ms",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [1, 10, 100] });

        histogram.Record(5);

        var scrape = await bridge.ScrapeAsync();
        var family = bridge.Family("render_time_seconds");
        Assert.Equal(["0.001", "0.01", "0.1", "+Inf"], scrape.Named(family + "_bucket").Select(Exposition.LeOf));
        Assert.Equal(0.005, scrape.Value(family + "_sum"), 9);
    }

    [Fact]
    public async Task A_histogram_without_advice_uses_the_documented_default_buckets()
    {
        using var bridge = new Bridge();
        bridge.Meter.CreateHistogram<double>("wait", unit: "s").Record(3);

        var buckets = (await bridge.ScrapeAsync()).Named(bridge.Family("wait_seconds_bucket")).Select(Exposition.LeOf);

        Assert.Equal(["0.005", "0.01", "0.025", "0.05", "0.1", "0.25", "0.5", "1", "2.5", "5", "10", "+Inf"], buckets);
    }

    [Fact]
    public async Task An_up_down_counter_is_a_gauge_that_moves_both_ways()
    {
        using var bridge = new Bridge();
        var open = bridge.Meter.CreateUpDownCounter<int>("connections.open", unit: "{connection}");

        open.Add(3);
        open.Add(-1);

        var scrape = await bridge.ScrapeAsync();
        Assert.Contains($"# TYPE {bridge.Family("connections_open")} gauge", scrape.Lines);
        Assert.Equal(2, scrape.Value(bridge.Family("connections_open")));
    }

    [Fact]
    public async Task Observable_gauges_are_read_at_each_scrape_and_show_only_what_they_report_now()
    {
        using var bridge = new Bridge();
        var statuses = new Dictionary<string, int>(StringComparer.Ordinal) { ["ready"] = 2, ["delivered"] = 7 };
        bridge.Meter.CreateObservableGauge("orders.by_status", () => statuses.Select(pair => new Measurement<int>(pair.Value, new KeyValuePair<string, object?>("status", pair.Key))));
        var family = bridge.Family("orders_by_status");

        var before = await bridge.ScrapeAsync();
        statuses.Remove("ready");
        statuses["delivered"] = 8;
        var after = await bridge.ScrapeAsync();

        Assert.Equal(2, before.Value(family, "status=\"ready\""));
        Assert.Equal(8, after.Value(family, "status=\"delivered\""));
        Assert.DoesNotContain(after.Named(family), sample => sample.Labels == "status=\"ready\"");
    }

    [Fact]
    public async Task Tags_given_in_any_order_land_in_one_series_with_sanitized_label_names()
    {
        using var bridge = new Bridge();
        var counter = bridge.Meter.CreateCounter<long>("transitions");

        counter.Add(1, new("to", "ready"), new("from", "preparing"), new("http.route", "/orders"));
        counter.Add(1, new("http.route", "/orders"), new("from", "preparing"), new("to", "ready"));

        var samples = (await bridge.ScrapeAsync()).Named(bridge.Family("transitions_total")).ToList();
        var sample = Assert.Single(samples);
        Assert.Equal("from=\"preparing\",http_route=\"/orders\",to=\"ready\"", sample.Labels);
        Assert.Equal(2, sample.Value);
    }

    [Fact]
    public async Task Series_with_different_tag_names_share_one_family()
    {
        using var bridge = new Bridge();
        var histogram = bridge.Meter.CreateHistogram<double>("command.duration", unit: "s");

        histogram.Record(0.01, new KeyValuePair<string, object?>("db.operation.name", "GET"));
        histogram.Record(0.02, new("db.operation.name", "GET"), new("error.type", "server_error"));

        var scrape = await bridge.ScrapeAsync();
        var family = bridge.Family("command_duration_seconds");
        Assert.Single(scrape.Lines, line => line == $"# TYPE {family} histogram");
        Assert.Equal(1, scrape.Value(family + "_count", "db_operation_name=\"GET\""));
        Assert.Equal(1, scrape.Value(family + "_count", "db_operation_name=\"GET\",error_type=\"server_error\""));
    }

    [Fact]
    public async Task What_is_recorded_before_the_first_scrape_is_in_it()
    {
        using var bridge = new Bridge();
        var counter = bridge.Meter.CreateCounter<long>("early");
        var histogram = bridge.Meter.CreateHistogram<double>("early.duration", unit: "s");

        counter.Add(4);
        histogram.Record(0.2);

        var first = await bridge.ScrapeAsync();
        Assert.Equal(4, first.Value(bridge.Family("early_total")));
        Assert.Equal(1, first.Value(bridge.Family("early_duration_seconds_count")));
    }

    [Fact]
    public async Task Recording_from_many_threads_at_once_loses_nothing()
    {
        using var bridge = new Bridge();
        var counter = bridge.Meter.CreateCounter<long>("hits");
        var histogram = bridge.Meter.CreateHistogram<double>("latency", unit: "s");
        const int Threads = 8;
        const int PerThread = 20_000;

        Parallel.For(0, Threads, new ParallelOptions { MaxDegreeOfParallelism = Threads }, thread =>
        {
            var tag = new KeyValuePair<string, object?>("worker", thread % 2);
            for (var i = 0; i < PerThread; i++)
            {
                counter.Add(1, tag);
                histogram.Record(0.25, tag);
            }
        });

        var scrape = await bridge.ScrapeAsync();
        Assert.Equal(Threads * PerThread, scrape.Named(bridge.Family("hits_total")).Sum(sample => sample.Value));
        Assert.Equal(Threads * PerThread, scrape.Named(bridge.Family("latency_seconds_count")).Sum(sample => sample.Value));
        Assert.Equal(Threads * PerThread * 0.25, scrape.Named(bridge.Family("latency_seconds_sum")).Sum(sample => sample.Value));
    }

    [Fact]
    public async Task Past_the_series_cap_new_label_sets_are_dropped_and_counted()
    {
        using var bridge = new Bridge(maxSeries: 3);
        var counter = bridge.Meter.CreateCounter<long>("per_user");

        for (var user = 0; user < 10; user++)
        {
            counter.Add(1, new KeyValuePair<string, object?>("user", user));
        }

        counter.Add(1, new KeyValuePair<string, object?>("user", 0));

        var scrape = await bridge.ScrapeAsync();
        var family = bridge.Family("per_user_total");
        Assert.Equal(3, scrape.Named(family).Count());
        Assert.Equal(2, scrape.Value(family, "user=\"0\""));
        Assert.Equal(7, scrape.Value("orderconsole_metrics_dropped_series_total", $"metric=\"{family}\""));
        Assert.Contains("# TYPE orderconsole_metrics_dropped_series_total counter", scrape.Lines);
    }

    [Fact]
    public async Task An_observed_series_that_is_gone_frees_its_place_under_the_cap()
    {
        using var bridge = new Bridge(maxSeries: 1);
        var state = "connecting";
        bridge.Meter.CreateObservableGauge("connection.state", () => new Measurement<int>(state == "connected" ? 1 : 0, new KeyValuePair<string, object?>("state", state)));

        await bridge.ScrapeAsync();
        state = "connected";
        var scrape = await bridge.ScrapeAsync();

        Assert.Equal(1, scrape.Value(bridge.Family("connection_state"), "state=\"connected\""));
        Assert.Single(scrape.Named(bridge.Family("connection_state")));
    }

    [Fact]
    public async Task Instruments_of_one_name_on_several_meters_feed_one_metric_and_a_disposed_one_leaves_it()
    {
        using var bridge = new Bridge();
        using var second = new Meter(bridge.Meter.Name);
        var third = new Meter(bridge.Meter.Name);
        bridge.Meter.CreateCounter<long>("commands").Add(2);
        second.CreateCounter<long>("commands").Add(3);
        second.CreateObservableGauge("connection.state", () => new Measurement<int>(1, new KeyValuePair<string, object?>("connection", "b")));
        third.CreateObservableGauge("connection.state", () => new Measurement<int>(1, new KeyValuePair<string, object?>("connection", "c")));

        var both = await bridge.ScrapeAsync();
        third.Dispose();
        var after = await bridge.ScrapeAsync();

        Assert.Equal(5, both.Value(bridge.Family("commands_total")));
        Assert.Equal(["connection=\"b\"", "connection=\"c\""], both.Named(bridge.Family("connection_state")).Select(sample => sample.Labels).Order(StringComparer.Ordinal));
        Assert.Equal(["connection=\"b\""], after.Named(bridge.Family("connection_state")).Select(sample => sample.Labels));
    }

    [Fact]
    public async Task A_meter_made_by_another_hosts_meter_factory_is_not_exported_but_one_made_by_this_apps_is()
    {
        await using var thisApp = new ServiceCollection().AddMetrics().BuildServiceProvider();
        await using var otherApp = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var thisFactory = thisApp.GetRequiredService<IMeterFactory>();
        using var bridge = new Bridge(scope: thisFactory);
        thisFactory.Create(bridge.Meter.Name).CreateCounter<long>("ours").Add(1);
        otherApp.GetRequiredService<IMeterFactory>().Create(bridge.Meter.Name).CreateCounter<long>("theirs").Add(1);

        var scrape = await bridge.ScrapeAsync();

        Assert.Equal(1, scrape.Value(bridge.Family("ours_total")));
        Assert.Empty(scrape.Named(bridge.Family("theirs_total")));
    }
}
