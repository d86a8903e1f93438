using System.Globalization;
using System.Text;

namespace OrderConsole.Observability;

/// <summary>
/// The labels of one series: sanitized names in order with their values, compared by content. Its text form
/// (<c>a="x",b="y"</c>, values escaped) is built once, so a scrape only copies it.
/// </summary>
public sealed class LabelSet : IEquatable<LabelSet>
{
    private readonly KeyValuePair<string, string>[] _labels;
    private readonly int _hash;

    private LabelSet(KeyValuePair<string, string>[] labels)
    {
        _labels = labels;
        var hash = new HashCode();
        foreach (var (name, value) in labels)
        {
            hash.Add(name, StringComparer.Ordinal);
            hash.Add(value, StringComparer.Ordinal);
        }

        _hash = hash.ToHashCode();
        Text = Render(labels);
    }

    public static LabelSet Empty { get; } = new([]);

    /// <summary>The labels inside the braces, e.g. <c>from="ready",to="dispatched"</c>; empty for none.</summary>
    public string Text { get; }

    public IReadOnlyList<KeyValuePair<string, string>> Labels => _labels;

    /// <summary>Labels from measurement tags: names sanitized, values formatted invariantly; names that clash after sanitizing join their values with <c>;</c>.</summary>
    public static LabelSet From(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (tags.IsEmpty)
        {
            return Empty;
        }

        var labels = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in tags)
        {
            var name = PrometheusNames.Label(key);
            var text = Format(value);
            labels[name] = labels.TryGetValue(name, out var earlier) ? earlier + ";" + text : text;
        }

        return new LabelSet([.. labels]);
    }

    /// <summary>Labels given as already valid names, in any order.</summary>
    public static LabelSet Of(params KeyValuePair<string, string>[] labels) =>
        labels.Length == 0 ? Empty : new LabelSet([.. labels.OrderBy(label => label.Key, StringComparer.Ordinal)]);

    /// <summary>A label value as it appears between quotes: <c>\</c>, <c>"</c> and line feeds escaped.</summary>
    public static string Escape(string value)
    {
        if (value.AsSpan().IndexOfAny('\\', '"', '\n') < 0)
        {
            return value;
        }

        return value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
    }

    public bool Equals(LabelSet? other)
    {
        if (other is null || other._hash != _hash || other._labels.Length != _labels.Length)
        {
            return false;
        }

        for (var i = 0; i < _labels.Length; i++)
        {
            if (!string.Equals(_labels[i].Key, other._labels[i].Key, StringComparison.Ordinal)
                || !string.Equals(_labels[i].Value, other._labels[i].Value, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    public override bool Equals(object? obj) => Equals(obj as LabelSet);

    public override int GetHashCode() => _hash;

    private static string Format(object? value) => value switch
    {
        null => string.Empty,
        string text => text,
        bool flag => flag ? "true" : "false",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    private static string Render(KeyValuePair<string, string>[] labels)
    {
        var text = new StringBuilder();
        foreach (var (name, value) in labels)
        {
            if (text.Length > 0)
            {
                text.Append(',');
            }

            text.Append(name).Append("=\"").Append(Escape(value)).Append('"');
        }

        return text.ToString();
    }
}
