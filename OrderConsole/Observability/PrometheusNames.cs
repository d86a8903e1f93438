using System.Text;

namespace OrderConsole.Observability;

/// <summary>
/// Prometheus names for the console's own instruments: the meter's name, then the instrument's (the meter adapter's
/// order, without repeating a meter name the instrument already starts with), lower case, invalid characters as
/// <c>_</c>, seconds and bytes named as units, counters ending in <c>_total</c>.
/// </summary>
public static class PrometheusNames
{
    /// <summary>The family name of <paramref name="instrument"/> (on meter <paramref name="meter"/>) exported as <paramref name="kind"/>.</summary>
    public static string Family(string meter, string instrument, string? unit, ExportKind kind)
    {
        var prefix = Sanitize(meter);
        var name = Sanitize(instrument);
        if (name != prefix && !name.StartsWith(prefix + "_", StringComparison.Ordinal))
        {
            name = prefix + "_" + name;
        }

        if (kind == ExportKind.Counter && name.EndsWith("_total", StringComparison.Ordinal))
        {
            name = name[..^"_total".Length];
        }

        var suffix = UnitSuffix(unit);
        if (suffix.Length > 0 && !name.EndsWith("_" + suffix, StringComparison.Ordinal))
        {
            name += "_" + suffix;
        }

        return kind == ExportKind.Counter ? name + "_total" : name;
    }

    /// <summary>A label name: lower-case letters, digits and <c>_</c>, not starting with a digit.</summary>
    public static string Label(string tag) => Sanitize(tag);

    /// <summary>What a measurement is multiplied by to be in the unit its name says: milliseconds are exported as seconds.</summary>
    public static double Scale(string? unit) => unit == "ms" ? 0.001 : 1;

    private static string UnitSuffix(string? unit) => unit switch
    {
        "s" or "ms" => "seconds",
        "By" => "bytes",
        _ => string.Empty, // {order}, {attempt} and other annotations name what is counted, not a unit.
    };

    private static string Sanitize(string name)
    {
        var clean = new StringBuilder(name.Length + 1);
        foreach (var c in name)
        {
            var next = char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '_';
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
