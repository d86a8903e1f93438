using OrderConsole.Core.Events;

namespace OrderConsole.Core.Workers;

/// <summary>Opens each worker's own view of the feed: on Redis a consumer group, embedded a position of its own.</summary>
public interface IWorkerStreams
{
    /// <summary>The view of the worker named <paramref name="workerName"/> for this instance's consumer <paramref name="consumerName"/>.</summary>
    Task<IWorkerStream> OpenAsync(string workerName, string consumerName, CancellationToken cancellationToken);
}

/// <summary>
/// One worker's view of the feed for one consumer: entries handed to it (new ones, its own failed ones due again,
/// and ones claimed from a consumer that went idle), acknowledged once handled, dead-lettered after too many failures.
/// </summary>
public interface IWorkerStream : IAsyncDisposable
{
    /// <summary>
    /// Up to <paramref name="maxCount"/> entries: own failed entries first when <paramref name="includeRetries"/>, then ones
    /// pending longer than <paramref name="claimIdle"/> with other consumers (when given), then new ones; waits up to
    /// <paramref name="wait"/> for a new one when there is nothing.
    /// </summary>
    Task<IReadOnlyList<WorkerEntry>> ReadAsync(int maxCount, bool includeRetries, TimeSpan? claimIdle, TimeSpan wait, CancellationToken cancellationToken);

    /// <summary>The effect is committed: the entry is done and forgets its failures.</summary>
    Task AcknowledgeAsync(WorkerEntry entry, CancellationToken cancellationToken);

    /// <summary>Counts a failed attempt and keeps the entry pending for a retry; returns the attempts failed so far.</summary>
    Task<int> RecordFailureAsync(WorkerEntry entry, string error, CancellationToken cancellationToken);

    /// <summary>Moves the entry to the worker's dead letters, with why, and acknowledges it.</summary>
    Task DeadLetterAsync(WorkerEntry entry, int attempts, string error, CancellationToken cancellationToken);

    /// <summary>How far behind the worker is, what it holds pending, how many dead letters it has.</summary>
    Task<WorkerBacklog> MeasureAsync(CancellationToken cancellationToken);
}

/// <summary>An event handed to a worker. <paramref name="Claimed"/>: taken over from another consumer.</summary>
public sealed record WorkerEntry(OrderEvent Event, bool Claimed = false);

/// <summary>A worker's backlog: feed entries not yet handed to it (null when the store cannot say), entries handed out but not acknowledged, dead letters.</summary>
public sealed record WorkerBacklog(long? Lag, long Pending, long DeadLetters);
