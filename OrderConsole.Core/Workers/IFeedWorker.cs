using OrderConsole.Core.Events;

namespace OrderConsole.Core.Workers;

/// <summary>
/// A side effect that follows the feed: one job, one name (its consumer group on Redis). The runner hands it each
/// event at least once and acknowledges only after <see cref="HandleAsync"/> returns, so the effect must be
/// idempotent by <see cref="OrderEvent.EventId"/>; an exception counts as a failed attempt and the event comes back.
/// </summary>
public interface IFeedWorker
{
    /// <summary>A stable name in lowercase words (<c>webhooks</c>): the consumer group, the dead-letter stream, the metric label.</summary>
    string Name { get; }

    /// <summary>Carries out the effect of <paramref name="orderEvent"/> (doing nothing for events it does not care about).</summary>
    Task HandleAsync(OrderEvent orderEvent, CancellationToken cancellationToken);
}
