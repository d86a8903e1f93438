using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text.RegularExpressions;
using OrderConsole.Observability;

namespace OrderConsole.Tests.Observability;

/// <summary>A scrape's text split into comment lines and samples, for assertions about the format.</summary>
public sealed partial class Exposition
{
    private Exposition(string text)
    {
        Text = text;
        Lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Samples = [.. Lines.Where(line => !line.StartsWith('#')).Select(Parse)];
    }

    public string Text { get; }

    public IReadOnlyList<string> Lines { get; }

    public IReadOnlyList<Sample> Samples { get; }

    public static Exposition Of(string text) => new(text);

    /// <summary>Scrapes <paramref name="collector"/> once.</summary>
    public static Exposition Scrape(MetricsCollector collector)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        collector.WriteTo(writer);
        return new(writer.ToString());
    }

    /// <summary>A collector that listens only to <paramref name="meter"/>, so tests running side by side do not see each other.</summary>
    public static MetricsCollector CollectorFor(Meter meter, int maxSeries = 1000) =>
        new(new MetricsOptions { Meters = [meter.Name], MaxSeriesPerInstrument = maxSeries });

    /// <summary>A meter with a name no other test uses.</summary>
    public static Meter NewMeter() => new("Tests.Observability." + Guid.NewGuid().ToString("N"));

    public IEnumerable<Sample> Named(string name) => Samples.Where(sample => sample.Name == name);

    public double Value(string name, string labels = "") => Samples.Single(sample => sample.Name == name && sample.Labels == labels).Value;

    private static Sample Parse(string line)
    {
        var match = SamplePattern().Match(line);
        Assert.True(match.Success, $"not a sample line: {line}");
        var value = match.Groups["value"].Value switch
        {
            "+Inf" => double.PositiveInfinity,
            "-Inf" => double.NegativeInfinity,
            var number => double.Parse(number, CultureInfo.InvariantCulture),
        };
        return new Sample(match.Groups["name"].Value, match.Groups["labels"].Value, value);
    }

    [GeneratedRegex("""^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>.*)\})? (?<value>\S+)$""")]
    private static partial Regex SamplePattern();

    /// <summary>One sample line: name, the text between the braces, value.</summary>
    public sealed record Sample(string Name, string Labels, double Value);
}
