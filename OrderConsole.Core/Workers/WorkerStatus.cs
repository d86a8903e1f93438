namespace OrderConsole.Core.Workers;

/// <summary>
/// How one worker is doing, as the dashboard and the metrics show it: its backlog (lag: feed entries not yet handed
/// to it; pending: handed out, not yet acknowledged; dead letters), what it handled, and its last error.
/// </summary>
public sealed record WorkerStatus(string Name)
{
    /// <summary>Feed entries not yet read by the worker's group; null until measured or when the store cannot say.</summary>
    public long? Lag { get; init; }

    public long Pending { get; init; }

    public long DeadLetters { get; init; }

    /// <summary>Events whose effect this instance committed since it started.</summary>
    public long Handled { get; init; }

    /// <summary>Failed attempts in this instance since it started.</summary>
    public long Failures { get; init; }

    public string? LastError { get; init; }

    public DateTimeOffset? LastErrorAt { get; init; }

    public DateTimeOffset? LastHandledAt { get; init; }

    public DateTimeOffset? MeasuredAt { get; init; }
}
