using System.Globalization;
using OrderConsole.Core.Events;

namespace OrderConsole.Core.Storage.InMemory;

/// <summary>
/// The in-memory event feed: a bounded log with numbered positions; readers wait on a signal that every
/// append completes, so a change reaches every reader at once.
/// </summary>
public sealed class InMemoryFeed(int capacity = 10_000) : IOrderFeed
{
    private readonly Lock _lock = new();
    private readonly Queue<OrderEvent> _events = new();
    private long _lastPosition;
    private TaskCompletionSource _appended = NewSignal();

    /// <summary>Gives the event the next position, keeps it, and wakes every waiting reader.</summary>
    public OrderEvent Append(OrderEvent orderEvent)
    {
        TaskCompletionSource signal;
        OrderEvent positioned;
        lock (_lock)
        {
            _lastPosition++;
            positioned = orderEvent with { EventId = _lastPosition.ToString(CultureInfo.InvariantCulture) };
            _events.Enqueue(positioned);
            if (_events.Count > capacity)
            {
                _events.Dequeue();
            }

            signal = _appended;
            _appended = NewSignal();
        }

        signal.TrySetResult();
        return positioned;
    }

    /// <summary>
    /// Puts back an event replayed from the journal at the position it already has; false (and nothing changes)
    /// when the feed is already past it, as when a compaction's snapshot and the writes after it overlap.
    /// </summary>
    public bool Restore(OrderEvent positioned)
    {
        var position = long.Parse(positioned.EventId, NumberStyles.None, CultureInfo.InvariantCulture);
        lock (_lock)
        {
            if (position <= _lastPosition)
            {
                return false;
            }

            if (position != _lastPosition + 1)
            {
                // A gap (a compaction kept only the newest events): what is kept must be consecutive.
                _events.Clear();
            }

            _lastPosition = position;
            _events.Enqueue(positioned);
            if (_events.Count > capacity)
            {
                _events.Dequeue();
            }

            return true;
        }
    }

    /// <summary>The events the feed still holds, oldest first.</summary>
    public IReadOnlyList<OrderEvent> Retained()
    {
        lock (_lock)
        {
            return [.. _events];
        }
    }

    public Task<string?> GetLatestEventIdAsync(CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return Task.FromResult(_lastPosition == 0 ? null : _lastPosition.ToString(CultureInfo.InvariantCulture));
        }
    }

    public bool IsPosition(string eventId) =>
        long.TryParse(eventId, NumberStyles.None, CultureInfo.InvariantCulture, out _);

    public async Task<FeedBatch> ReadAfterAsync(string? afterEventId, int maxCount, TimeSpan wait, CancellationToken cancellationToken = default)
    {
        var after = afterEventId is null ? 0 : long.Parse(afterEventId, CultureInfo.InvariantCulture);
        var batch = TryRead(after, maxCount, out var signal);
        if (batch is not null)
        {
            return batch;
        }

        try
        {
            await signal.WaitAsync(wait, cancellationToken);
        }
        catch (TimeoutException)
        {
            return FeedBatch.Empty;
        }

        return TryRead(after, maxCount, out _) ?? FeedBatch.Empty;
    }

    private FeedBatch? TryRead(long after, int maxCount, out Task signal)
    {
        lock (_lock)
        {
            signal = _appended.Task;
            if (after >= _lastPosition)
            {
                return null;
            }

            var oldest = _lastPosition - _events.Count + 1;
            if (after + 1 < oldest)
            {
                return FeedBatch.TrimmedAway;
            }

            return new FeedBatch([.. _events.Skip((int)(after + 1 - oldest)).Take(maxCount)]);
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
