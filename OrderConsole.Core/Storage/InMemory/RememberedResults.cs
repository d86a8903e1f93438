namespace OrderConsole.Core.Storage.InMemory;

/// <summary>
/// Results by command id, so a retried command answers with its first result; the oldest are forgotten past
/// a bound, as the Redis store lets its keys expire. Not thread-safe: the store's write lock guards it.
/// </summary>
internal sealed class RememberedResults<T>(int capacity)
    where T : class
{
    private readonly Dictionary<string, T> _results = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();

    public T? Find(string commandId) => _results.GetValueOrDefault(commandId);

    /// <summary>What is remembered, oldest first.</summary>
    public IEnumerable<KeyValuePair<string, T>> Entries => _order.Select(commandId => KeyValuePair.Create(commandId, _results[commandId]));

    /// <summary>Remembers a result; remembering one id again (a journal replaying it) replaces it in place.</summary>
    public void Remember(string commandId, T result)
    {
        if (_results.ContainsKey(commandId))
        {
            _results[commandId] = result;
            return;
        }

        _results[commandId] = result;
        _order.Enqueue(commandId);
        if (_order.Count > capacity)
        {
            _results.Remove(_order.Dequeue());
        }
    }
}
