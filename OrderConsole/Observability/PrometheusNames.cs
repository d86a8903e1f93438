using System.Collections.Frozen;
using System.Text;

namespace OrderConsole.Observability;

/// <summary>
/// Prometheus names the way the OpenTelemetry Prometheus exporter gives them: invalid characters become
/// <c>_</c> (runs collapsed), the unit is appended as a word (<c>s</c> → <c>_seconds</c>, <c>By</c> →
/// <c>_bytes</c>, <c>{…}</c> annotations dropped, <c>a/b</c> → <c>_a_per_b</c>), counters end in <c>_total</c>.
/// </summary>
public static class PrometheusNames
{
    private static readonly FrozenDictionary<string, string> s_units = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["d"] = "days", ["h"] = "hours", ["min"] = "minutes", ["s"] = "seconds",
        ["ms"] = "milliseconds", ["us"] = "microseconds", ["ns"] = "nanoseconds",
        ["By"] = "bytes", ["KiBy"] = "kibibytes", ["MiBy"] = "mebibytes", ["GiBy"] = "gibibytes", ["TiBy"] = "tebibytes",
        ["KBy"] = "kilobytes", ["MBy"] = "megabytes", ["GBy"] = "gigabytes", ["TBy"] = "terabytes",
        ["m"] = "meters", ["V"] = "volts", ["A"] = "amperes", ["J"] = "joules", ["W"] = "watts", ["g"] = "grams",
        ["Cel"] = "celsius", ["Hz"] = "hertz", ["%"] = "percent",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, string> s_perUnits = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["s"] = "second", ["m"] = "minute", ["h"] = "hour", ["d"] = "day", ["w"] = "week", ["mo"] = "month", ["y"] = "year",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The family name of an instrument exposed as <paramref name="kind"/>.</summary>
    public static string Family(string instrumentName, string? unit, MetricKind kind)
    {
        var name = Sanitize(instrumentName, allowColon: true);
        if (kind == MetricKind.Counter && name.EndsWith("_total", StringComparison.Ordinal))
        {
            name = name[..^"_total".Length];
        }

        var suffix = UnitSuffix(unit, kind);
        if (suffix.Length > 0 && !name.EndsWith("_" + suffix, StringComparison.Ordinal))
        {
            name += "_" + suffix;
        }

        return kind == MetricKind.Counter ? name + "_total" : name;
    }

    /// <summary>A label name: letters, digits and <c>_</c>, not starting with a digit.</summary>
    public static string Label(string tagName) => Sanitize(tagName, allowColon: false);

    /// <summary>The unit as a name suffix; empty for none, for annotations like <c>{request}</c>, and for <c>1</c> on non-gauges.</summary>
    public static string UnitSuffix(string? unit, MetricKind kind)
    {
        var bare = StripAnnotations(unit ?? string.Empty).Trim();
        if (bare.Length == 0)
        {
            return string.Empty;
        }

        if (bare == "1")
        {
            return kind == MetricKind.Gauge ? "ratio" : string.Empty;
        }

        var slash = bare.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0)
        {
            return Word(s_units, bare);
        }

        var over = Word(s_units, bare[..slash]);
        var per = Word(s_perUnits, bare[(slash + 1)..]);
        return (over, per) switch
        {
            ("", "") => string.Empty,
            ("", _) => "per_" + per,
            (_, "") => over,
            _ => over + "_per_" + per,
        };
    }

    private static string Word(FrozenDictionary<string, string> words, string unit) =>
        words.TryGetValue(unit, out var word) ? word : Sanitize(unit, allowColon: false).Trim('_');

    private static string StripAnnotations(string unit)
    {
        if (!unit.Contains('{', StringComparison.Ordinal))
        {
            return unit;
        }

        var bare = new StringBuilder(unit.Length);
        var depth = 0;
        foreach (var c in unit)
        {
            if (c == '{')
            {
                depth++;
            }
            else if (c == '}' && depth > 0)
            {
                depth--;
            }
            else if (depth == 0)
            {
                bare.Append(c);
            }
        }

        return bare.ToString();
    }

    private static string Sanitize(string name, bool allowColon)
    {
        var clean = new StringBuilder(name.Length + 1);
        foreach (var c in name)
        {
            var valid = char.IsAsciiLetterOrDigit(c) || c == '_' || (allowColon && c == ':');
            var next = valid ? c : '_';
            if (next == '_' && clean.Length > 0 && clean[^1] == '_')
            {
                continue;
            }

            clean.Append(next);
        }

        if (clean.Length == 0 || char.IsAsciiDigit(clean[0]))
        {
            clean.Insert(0, '_');
        }

        return clean.ToString();
    }
}
