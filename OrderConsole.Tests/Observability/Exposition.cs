using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Prometheus;

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

    /// <summary>Scrapes <paramref name="registry"/> once, as <c>/metrics</c> does.</summary>
    public static async Task<Exposition> ScrapeAsync(CollectorRegistry registry)
    {
        using var buffer = new MemoryStream();
        await registry.CollectAndExportAsTextAsync(buffer);
        return new(Encoding.UTF8.GetString(buffer.ToArray()));
    }

    /// <summary>A meter with a name no other test uses.</summary>
    public static Meter NewMeter() => new("Tests.Observability." + Guid.NewGuid().ToString("N"));

    /// <summary>The family name the bridge gives an instrument of <paramref name="meter"/>.</summary>
    public static string Prefix(Meter meter) => "tests_observability_" + meter.Name.Split('.')[^1] + "_";

    public IEnumerable<Sample> Named(string name) => Samples.Where(sample => sample.Name == name);

    public double Value(string name, string labels = "") => Samples.Single(sample => sample.Name == name && sample.Labels == labels).Value;

    /// <summary>A bucket's <c>le</c> as written by a person: <c>0.005</c>, <c>60</c>, <c>+Inf</c>.</summary>
    public static string LeOf(Sample bucket)
    {
        var start = bucket.Labels.IndexOf("le=\"", StringComparison.Ordinal) + 4;
        var le = bucket.Labels[start..bucket.Labels.IndexOf('"', start)];
        return le == "+Inf" ? le : double.Parse(le, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture);
    }

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
