using OrderConsole.Core.Storage.Journal;

namespace OrderConsole.Core.Storage.InMemory;

/// <summary>
/// Request fingerprints in memory; the oldest are forgotten past a bound, as the store forgets command ids.
/// With a <see cref="StoreJournal"/> each binding is journaled, so a retried request is still recognised after a restart.
/// </summary>
public sealed class InMemoryRequestFingerprints(StoreJournal? journal = null) : IRequestFingerprints, IJournalled
{
    private static readonly JournalKind<Binding> s_binding = new("request_fingerprint");

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

            Remember(key, fingerprint);
            journal?.Append([s_binding.Of(new Binding(key, fingerprint))]);
            return Task.FromResult(fingerprint);
        }
    }

    public void RegisterReplay(JournalReplay replay) => replay.On(s_binding, binding =>
    {
        if (!_bound.ContainsKey(binding.Key))
        {
            Remember(binding.Key, binding.Fingerprint);
        }
    });

    public IReadOnlyList<JournalChange> Snapshot()
    {
        lock (_lock)
        {
            return [.. _order.Select(key => s_binding.Of(new Binding(key, _bound[key])))];
        }
    }

    private void Remember(string key, string fingerprint)
    {
        _bound[key] = fingerprint;
        _order.Enqueue(key);
        if (_order.Count > Capacity)
        {
            _bound.Remove(_order.Dequeue());
        }
    }

    private sealed record Binding(string Key, string Fingerprint);
}
