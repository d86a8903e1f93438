using System.Diagnostics.Metrics;

namespace OrderConsole.Tests.Observability;

/// <summary>The text format rules: escaping, HELP and TYPE once per family, families contiguous, numbers.</summary>
public sealed class ExpositionFormatTests
{
    [Fact]
    public void Label_values_escape_backslashes_quotes_and_line_feeds()
    {
        using var meter = Exposition.NewMeter();
        using var collector = Exposition.CollectorFor(meter);
        var counter = meter.CreateCounter<long>("tests.escaped");

        counter.Add(1, new KeyValuePair<string, object?>("path", "C:\\orders \"new\"\nline"));

        var scrape = Exposition.Scrape(collector);
        Assert.Contains("tests_escaped_total{path=\"C:\\\\orders \\\"new\\\"\\nline\"} 1\n", scrape.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_text_escapes_backslashes_and_line_feeds()
    {
        using var meter = Exposition.NewMeter();
        using var collector = Exposition.CollectorFor(meter);
        meter.CreateCounter<long>("tests.helped", description: "first\\second\nthird").Add(1);

        var scrape = Exposition.Scrape(collector);

        Assert.Contains("# HELP tests_helped_total first\\\\second\\nthird\n", scrape.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_family_has_one_HELP_and_one_TYPE_before_its_samples_and_its_samples_together()
    {
        using var meter = Exposition.NewMeter();
        using var collector = Exposition.CollectorFor(meter);
        var first = meter.CreateCounter<long>("tests.first", description: "First.");
        var second = meter.CreateHistogram<double>("tests.second", unit: "s", description: "Second.");
        var third = meter.CreateUpDownCounter<int>("tests.third", description: "Third.");
        for (var i = 0; i < 5; i++)
        {
            first.Add(1, new KeyValuePair<string, object?>("n", i));
            second.Record(i, new KeyValuePair<string, object?>("n", i));
            third.Add(1, new KeyValuePair<string, object?>("n", i));
        }

        var scrape = Exposition.Scrape(collector);

        var familyOfLine = scrape.Lines.Select(FamilyOf).ToList();
        var order = familyOfLine.Where((family, i) => i == 0 || familyOfLine[i - 1] != family).ToList();
        Assert.Equal(order.Distinct().Count(), order.Count);
        foreach (var family in new[] { "tests_first_total", "tests_second_seconds", "tests_third" })
        {
            var lines = scrape.Lines.Where(line => FamilyOf(line) == family).ToList();
            Assert.Equal("# HELP " + family, lines[0][..("# HELP " + family).Length]);
            Assert.StartsWith("# TYPE " + family + " ", lines[1], StringComparison.Ordinal);
            Assert.Equal(2, lines.Count(line => line.StartsWith('#')));
        }

        Assert.Contains("# TYPE tests_first_total counter", scrape.Lines);
        Assert.Contains("# TYPE tests_second_seconds histogram", scrape.Lines);
        Assert.Contains("# TYPE tests_third gauge", scrape.Lines);
    }

    [Fact]
    public void Counters_end_in_total_and_up_down_counters_are_gauges_without_it()
    {
        using var meter = Exposition.NewMeter();
        using var collector = Exposition.CollectorFor(meter);
        meter.CreateCounter<long>("tests.sent", unit: "By").Add(512);
        meter.CreateUpDownCounter<long>("tests.open", unit: "{connection}").Add(3);

        var scrape = Exposition.Scrape(collector);

        Assert.Equal(512, scrape.Value("tests_sent_bytes_total"));
        Assert.Equal(3, scrape.Value("tests_open"));
        Assert.Contains("# TYPE tests_open gauge", scrape.Lines);
    }

    [Fact]
    public void Synchronous_counters_accumulate_across_scrapes()
    {
        using var meter = Exposition.NewMeter();
        using var collector = Exposition.CollectorFor(meter);
        var counter = meter.CreateCounter<int>("tests.accumulated");

        counter.Add(2);
        Exposition.Scrape(collector);
        counter.Add(3);

        Assert.Equal(5, Exposition.Scrape(collector).Value("tests_accumulated_total"));
    }

    [Fact]
    public void Observable_instruments_are_asked_at_each_scrape_and_show_only_what_they_report_now()
    {
        using var meter = Exposition.NewMeter();
        using var collector = Exposition.CollectorFor(meter);
        var statuses = new Dictionary<string, int>(StringComparer.Ordinal) { ["ready"] = 2, ["delivered"] = 7 };
        meter.CreateObservableGauge("tests.by_status", () => statuses.Select(pair => new Measurement<int>(pair.Value, new KeyValuePair<string, object?>("status", pair.Key))));
        var total = 10L;
        meter.CreateObservableCounter("tests.cumulative", () => total);

        var before = Exposition.Scrape(collector);
        statuses.Remove("ready");
        statuses["delivered"] = 8;
        total = 12;
        var after = Exposition.Scrape(collector);

        Assert.Equal(2, before.Value("tests_by_status", "status=\"ready\""));
        Assert.Equal(8, after.Value("tests_by_status", "status=\"delivered\""));
        Assert.DoesNotContain(after.Named("tests_by_status"), sample => sample.Labels == "status=\"ready\"");
        Assert.Equal(12, after.Value("tests_cumulative_total"));
    }

    [Fact]
    public void Labels_are_written_in_name_order_with_sanitized_names()
    {
        using var meter = Exposition.NewMeter();
        using var collector = Exposition.CollectorFor(meter);

        meter.CreateCounter<long>("tests.labelled").Add(1, new("to", "ready"), new("from", "preparing"), new("http.route", "/orders"));

        Assert.Equal(1, Exposition.Scrape(collector).Value("tests_labelled_total", "from=\"preparing\",http_route=\"/orders\",to=\"ready\""));
    }

    [Fact]
    public void An_instrument_that_measured_nothing_writes_nothing()
    {
        using var meter = Exposition.NewMeter();
        using var collector = Exposition.CollectorFor(meter);
        meter.CreateCounter<long>("tests.silent");

        Assert.DoesNotContain("tests_silent", Exposition.Scrape(collector).Text, StringComparison.Ordinal);
    }

    private static string FamilyOf(string line)
    {
        var name = line.StartsWith('#') ? line.Split(' ')[2] : line.Split('{', ' ')[0];
        foreach (var suffix in new[] { "_bucket", "_sum", "_count" })
        {
            if (name.EndsWith(suffix, StringComparison.Ordinal) && name.StartsWith("tests_second_seconds", StringComparison.Ordinal))
            {
                return name[..^suffix.Length];
            }
        }

        return name;
    }
}
