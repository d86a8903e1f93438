namespace OrderConsole.Core.Workers;

/// <summary>
/// Every worker's consumer group as the store keeps it, read by an instance that runs no workers itself, so its
/// dashboard still shows the workers other instances run.
/// </summary>
public interface IWorkerGroups
{
    Task<IReadOnlyList<WorkerGroupStatus>> ReadAsync(CancellationToken cancellationToken);
}

/// <summary>One worker's group: its backlog, and why its newest dead letter failed and when (null when it has none).</summary>
public sealed record WorkerGroupStatus(string Worker, WorkerBacklog Backlog, string? LastDeadLetterError, DateTimeOffset? LastDeadLetterAt);
