using System.Globalization;

namespace OrderConsole.Core.Storage.Redis;

/// <summary>A Redis stream entry id (<c>milliseconds-sequence</c>), compared as the pair of numbers it is.</summary>
internal readonly record struct StreamId(ulong Milliseconds, ulong Sequence) : IComparable<StreamId>
{
    public static StreamId Zero { get; } = new(0, 0);

    public static StreamId Parse(string text)
    {
        var dash = text.IndexOf('-', StringComparison.Ordinal);
        return dash < 0
            ? new StreamId(ulong.Parse(text, CultureInfo.InvariantCulture), 0)
            : new StreamId(ulong.Parse(text.AsSpan(0, dash), CultureInfo.InvariantCulture), ulong.Parse(text.AsSpan(dash + 1), CultureInfo.InvariantCulture));
    }

    public static bool TryParse(string text, out StreamId id)
    {
        var dash = text.IndexOf('-', StringComparison.Ordinal);
        var milliseconds = dash < 0 ? text.AsSpan() : text.AsSpan(0, dash);
        var sequence = dash < 0 ? "0".AsSpan() : text.AsSpan(dash + 1);
        if (ulong.TryParse(milliseconds, NumberStyles.None, CultureInfo.InvariantCulture, out var ms)
            && ulong.TryParse(sequence, NumberStyles.None, CultureInfo.InvariantCulture, out var seq))
        {
            id = new StreamId(ms, seq);
            return true;
        }

        id = default;
        return false;
    }

    public int CompareTo(StreamId other) => (Milliseconds, Sequence).CompareTo((other.Milliseconds, other.Sequence));

    public static bool operator <(StreamId left, StreamId right) => left.CompareTo(right) < 0;

    public static bool operator >(StreamId left, StreamId right) => left.CompareTo(right) > 0;

    public static bool operator <=(StreamId left, StreamId right) => left.CompareTo(right) <= 0;

    public static bool operator >=(StreamId left, StreamId right) => left.CompareTo(right) >= 0;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Milliseconds}-{Sequence}");
}
