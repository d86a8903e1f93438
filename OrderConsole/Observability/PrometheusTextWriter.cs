using System.Globalization;

namespace OrderConsole.Observability;

/// <summary>
/// Writes families in the Prometheus text format 0.0.4: HELP and TYPE once before each family's samples,
/// every family's samples together, histograms as cumulative <c>_bucket{le}</c> lines in increasing order
/// ending with <c>+Inf</c> (equal to <c>_count</c>), then <c>_sum</c> and <c>_count</c>.
/// </summary>
public static class PrometheusTextWriter
{
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    /// <summary>Writes one family; a family without series writes nothing.</summary>
    public static void Write(TextWriter output, MetricFamily family)
    {
        var header = false;
        Span<long> cumulative = family.Bounds.Count < 64 ? stackalloc long[family.Bounds.Count + 1] : new long[family.Bounds.Count + 1];
        foreach (var (labels, series) in family.Series)
        {
            if (!header)
            {
                WriteHeader(output, family.Name, family.Help, family.Kind);
                header = true;
            }

            switch (series)
            {
                case ValueSeries value:
                    WriteSample(output, family.Name, labels.Text, value.Value);
                    break;
                case HistogramSeries histogram:
                    WriteHistogram(output, family, labels.Text, histogram, cumulative);
                    break;
            }
        }
    }

    /// <summary>Writes the count of measurements dropped by the series cap, per family that dropped any.</summary>
    public static void Write(TextWriter output, DroppedSeries dropped)
    {
        var header = false;
        foreach (var (family, count) in dropped.Counts)
        {
            if (!header)
            {
                WriteHeader(output, DroppedSeries.FamilyName, "Measurements dropped because their instrument reached its series limit.", MetricKind.Counter);
                header = true;
            }

            WriteSample(output, DroppedSeries.FamilyName, "instrument=\"" + LabelSet.Escape(family) + "\"", count);
        }
    }

    /// <summary>A number as Prometheus reads it: shortest round-trip form, <c>+Inf</c>, <c>-Inf</c> or <c>NaN</c>.</summary>
    public static string FormatNumber(double value)
    {
        Span<char> buffer = stackalloc char[32];
        return new string(Format(value, buffer));
    }

    private static void WriteHeader(TextWriter output, string name, string help, MetricKind kind)
    {
        output.Write("# HELP ");
        output.Write(name);
        output.Write(' ');
        output.Write(EscapeHelp(help));
        output.Write("\n# TYPE ");
        output.Write(name);
        output.Write(kind switch
        {
            MetricKind.Counter => " counter\n",
            MetricKind.Histogram => " histogram\n",
            _ => " gauge\n",
        });
    }

    private static void WriteHistogram(TextWriter output, MetricFamily family, string labels, HistogramSeries series, Span<long> cumulative)
    {
        var sum = series.CopyCumulative(cumulative);
        var prefix = labels.Length == 0 ? "{le=\"" : "{" + labels + ",le=\"";
        var bucket = family.Name + "_bucket";
        Span<char> number = stackalloc char[32];
        for (var i = 0; i <= family.Bounds.Count; i++)
        {
            output.Write(bucket);
            output.Write(prefix);
            output.Write(i < family.Bounds.Count ? Format(family.Bounds[i], number) : "+Inf");
            output.Write("\"} ");
            output.Write(Format(cumulative[i], number));
            output.Write('\n');
        }

        WriteSample(output, family.Name + "_sum", labels, sum);
        WriteSample(output, family.Name + "_count", labels, cumulative[family.Bounds.Count]);
    }

    private static void WriteSample(TextWriter output, string name, string labels, double value)
    {
        Span<char> number = stackalloc char[32];
        output.Write(name);
        if (labels.Length > 0)
        {
            output.Write('{');
            output.Write(labels);
            output.Write('}');
        }

        output.Write(' ');
        output.Write(Format(value, number));
        output.Write('\n');
    }

    private static ReadOnlySpan<char> Format(double value, Span<char> buffer)
    {
        if (double.IsNaN(value))
        {
            return "NaN";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "+Inf" : "-Inf";
        }

        return value.TryFormat(buffer, out var written, "R", CultureInfo.InvariantCulture) ? buffer[..written] : value.ToString("R", CultureInfo.InvariantCulture);
    }

    private static ReadOnlySpan<char> Format(long value, Span<char> buffer) =>
        value.TryFormat(buffer, out var written, default, CultureInfo.InvariantCulture) ? buffer[..written] : value.ToString(CultureInfo.InvariantCulture);

    private static string EscapeHelp(string help) =>
        help.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
}
