using System.Globalization;
using OrderConsole.Core.Events;
using OrderConsole.Core.Workers;

namespace OrderConsole.Core.Storage.InMemory;

/// <summary>
/// The workers' views of the embedded feed: one instance, so one consumer per worker, starting at the newest event when
/// the worker opens; failed events wait beside the position for their retry, dead letters are kept in memory (bounded).
/// Nothing of it survives a restart: a worker starts again at the newest event.
/// </summary>
public sealed class InMemoryWorkerStreams(InMemoryFeed feed, FeedWorkerOptions options) : IWorkerStreams
{
    public async Task<IWorkerStream> OpenAsync(string workerName, string consumerName, CancellationToken cancellationToken) =>
        new InMemoryWorkerStream(feed, options, await feed.GetLatestEventIdAsync(cancellationToken));
}

/// <summary>One worker's position in the embedded feed, with its failed events and dead letters.</summary>
internal sealed class InMemoryWorkerStream(InMemoryFeed feed, FeedWorkerOptions options, string? start) : IWorkerStream
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, (WorkerEntry Entry, int Attempts)> _failed = new(StringComparer.Ordinal);
    private readonly Queue<OrderEvent> _deadLetters = new();
    private string? _position = start;

    public async Task<IReadOnlyList<WorkerEntry>> ReadAsync(int maxCount, bool includeRetries, TimeSpan? claimIdle, TimeSpan wait, CancellationToken cancellationToken)
    {
        var entries = new List<WorkerEntry>();
        if (includeRetries)
        {
            lock (_lock)
            {
                entries.AddRange(_failed.Values.Select(failed => failed.Entry).Take(maxCount));
            }
        }

        if (entries.Count < maxCount)
        {
            var batch = await feed.ReadAfterAsync(_position, maxCount - entries.Count, entries.Count == 0 ? wait : TimeSpan.Zero, cancellationToken);
            if (batch.Trimmed)
            {
                // Fell behind the bounded feed: what was trimmed is gone for every reader; go on from the oldest kept.
                var kept = feed.Retained();
                _position = kept.Count == 0 ? _position : Before(kept[0].EventId);
                return entries;
            }

            foreach (var orderEvent in batch.Events)
            {
                _position = orderEvent.EventId;
                entries.Add(new WorkerEntry(orderEvent));
            }
        }

        return entries;
    }

    public Task AcknowledgeAsync(WorkerEntry entry, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            _failed.Remove(entry.Event.EventId);
        }

        return Task.CompletedTask;
    }

    public Task<int> RecordFailureAsync(WorkerEntry entry, string error, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var attempts = (_failed.TryGetValue(entry.Event.EventId, out var failed) ? failed.Attempts : 0) + 1;
            _failed[entry.Event.EventId] = (entry, attempts);
            return Task.FromResult(attempts);
        }
    }

    public Task DeadLetterAsync(WorkerEntry entry, int attempts, string error, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            _failed.Remove(entry.Event.EventId);
            _deadLetters.Enqueue(entry.Event with { Detail = error });
            while (_deadLetters.Count > options.DeadLetterMaxLength)
            {
                _deadLetters.Dequeue();
            }
        }

        return Task.CompletedTask;
    }

    public async Task<WorkerBacklog> MeasureAsync(CancellationToken cancellationToken)
    {
        var latest = await feed.GetLatestEventIdAsync(cancellationToken);
        var lag = Number(latest) - Number(_position);
        lock (_lock)
        {
            return new WorkerBacklog(Math.Max(0, lag), _failed.Count, _deadLetters.Count);
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static long Number(string? position) => position is null ? 0 : long.Parse(position, NumberStyles.None, CultureInfo.InvariantCulture);

    private static string Before(string position) => (Number(position) - 1).ToString(CultureInfo.InvariantCulture);
}
