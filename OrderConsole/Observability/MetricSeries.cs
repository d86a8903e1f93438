namespace OrderConsole.Observability;

/// <summary>One series of a family: a single value, or a histogram's buckets.</summary>
public abstract class MetricSeries;

/// <summary>A counter's or gauge's current value; adds and sets are safe from any thread.</summary>
public sealed class ValueSeries : MetricSeries
{
    private double _value;

    public double Value => Volatile.Read(ref _value);

    public void Add(double amount)
    {
        var seen = Volatile.Read(ref _value);
        while (true)
        {
            var previous = Interlocked.CompareExchange(ref _value, seen + amount, seen);
            if (previous.Equals(seen))
            {
                return;
            }

            seen = previous;
        }
    }

    public void Set(double value) => Volatile.Write(ref _value, value);
}

/// <summary>A histogram's per-bucket counts and sum; a read copies them under the same lock a record takes, so they agree.</summary>
public sealed class HistogramSeries(IReadOnlyList<double> bounds) : MetricSeries
{
    private readonly Lock _lock = new();
    private readonly long[] _counts = new long[bounds.Count + 1];
    private double _sum;

    public void Record(double value)
    {
        // Buckets are "less than or equal": the first bound at or above the value, else the +Inf bucket.
        var bucket = 0;
        while (bucket < bounds.Count && value > bounds[bucket])
        {
            bucket++;
        }

        lock (_lock)
        {
            _counts[bucket]++;
            _sum += value;
        }
    }

    /// <summary>Copies the cumulative counts (the last one is the +Inf bucket, equal to the count) and returns the sum.</summary>
    public double CopyCumulative(Span<long> cumulative)
    {
        lock (_lock)
        {
            long running = 0;
            for (var i = 0; i < _counts.Length; i++)
            {
                running += _counts[i];
                cumulative[i] = running;
            }

            return _sum;
        }
    }
}
