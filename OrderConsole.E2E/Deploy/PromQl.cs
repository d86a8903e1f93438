using System.Text.RegularExpressions;

namespace OrderConsole.E2E.Deploy;

/// <summary>Reads which metric names a PromQL expression (or a Grafana <c>label_values</c> query) refers to.</summary>
public static partial class PromQl
{
    private static readonly HashSet<string> s_keywords = new(StringComparer.Ordinal)
    {
        "by", "without", "on", "ignoring", "group_left", "group_right", "bool", "and", "or", "unless", "offset", "inf", "nan",
    };

    public static IReadOnlySet<string> MetricNames(string query)
    {
        var labelValues = LabelValuesPattern().Match(query);
        if (labelValues.Success)
        {
            return new HashSet<string>(StringComparer.Ordinal) { labelValues.Groups["metric"].Value };
        }

        // Drop what holds label names, label values, durations and dashboard variables; what is left names
        // metrics, functions (followed by a parenthesis), keywords and numbers.
        var rest = StringPattern().Replace(query, " ");
        rest = MatcherPattern().Replace(rest, " ");
        rest = RangePattern().Replace(rest, " ");
        rest = LabelListPattern().Replace(rest, " ");
        rest = VariablePattern().Replace(rest, " ");
        return IdentifierPattern().Matches(rest)
            .Where(match => !s_keywords.Contains(match.Value.ToLowerInvariant()))
            .Select(match => match.Value)
            .ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Every sample name in a Prometheus text exposition, plus the series names of declared histograms.</summary>
    public static IReadOnlySet<string> ExposedNames(string exposition)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in exposition.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (line.StartsWith("# TYPE ", StringComparison.Ordinal))
            {
                var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (parts.Length == 4 && parts[3] == "histogram")
                {
                    names.UnionWith([parts[2] + "_bucket", parts[2] + "_sum", parts[2] + "_count"]);
                }
                else if (parts.Length == 4)
                {
                    names.Add(parts[2]);
                }
            }
            else if (!line.StartsWith('#'))
            {
                names.Add(line[..line.IndexOfAny(['{', ' '])]);
            }
        }

        return names;
    }

    [GeneratedRegex(@"^\s*label_values\(\s*(?<metric>[a-zA-Z_:][a-zA-Z0-9_:]*)")]
    private static partial Regex LabelValuesPattern();

    [GeneratedRegex("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'")]
    private static partial Regex StringPattern();

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex MatcherPattern();

    [GeneratedRegex(@"\[[^\]]*\]")]
    private static partial Regex RangePattern();

    [GeneratedRegex(@"\b(?:by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)", RegexOptions.IgnoreCase)]
    private static partial Regex LabelListPattern();

    [GeneratedRegex(@"\$\{?\w+\}?")]
    private static partial Regex VariablePattern();

    // An identifier not followed by "(" (a function call) and not part of a number such as 0.99 or 1e3.
    [GeneratedRegex(@"(?<![\w.])[a-zA-Z_:][a-zA-Z0-9_:]*\b(?!\s*\()")]
    private static partial Regex IdentifierPattern();
}
