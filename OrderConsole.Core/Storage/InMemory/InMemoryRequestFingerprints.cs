namespace OrderConsole.Core.Storage.InMemory;

/// <summary>Request fingerprints in memory; the oldest are forgotten past a bound, as the store forgets command ids.</summary>
public sealed class InMemoryRequestFingerprints : IRequestFingerprints
{
    private const int Capacity = 100_000;

    private readonly Dictionary<string, string> _bound = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();
    private readonly Lock _lock = new();

    public Task<string> BindAsync(string key, string fingerprint, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            if (_bound.TryGetValue(key, out var existing))
            {
                return Task.FromResult(existing);
            }

            _bound[key] = fingerprint;
            _order.Enqueue(key);
            if (_order.Count > Capacity)
            {
                _bound.Remove(_order.Dequeue());
            }

            return Task.FromResult(fingerprint);
        }
    }
}
