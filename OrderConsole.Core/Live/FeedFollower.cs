using System.Runtime.CompilerServices;
using OrderConsole.Core.Events;
using OrderConsole.Core.Orders;
using OrderConsole.Core.Storage;

namespace OrderConsole.Core.Live;

/// <summary>
/// Follows the feed for one client of an event stream (SSE, WebSocket), resuming after a position the client
/// names: every event after it, in order, exactly once. It reads with a reader of its own (its replays never queue behind the read model's
/// waits) and waits for <see cref="LiveOrders"/> to say that something new arrived, so an idle stream costs
/// no reads.
/// </summary>
public sealed class FeedFollower(IOrderFeed replay, LiveOrders live)
{
    /// <summary>The key under which the stream's own feed reader is registered.</summary>
    public const string ReplayFeed = "replay";

    private const int BatchSize = 200;

    /// <summary>
    /// Where a stream starts: after <paramref name="lastEventId"/> if given (checked now, so a malformed one is
    /// refused before the stream opens), otherwise after the newest event.
    /// </summary>
    public async Task<string?> StartAsync(string? lastEventId, CancellationToken cancellationToken)
    {
        if (lastEventId is null)
        {
            return await replay.GetLatestEventIdAsync(cancellationToken);
        }

        return replay.IsPosition(lastEventId)
            ? lastEventId
            : throw new OrderValidationException("last_event_id", $"\"{lastEventId}\" is not an event id of this feed; resume with the id of an event you received");
    }

    /// <summary>
    /// Every event after <paramref name="position"/> as it comes; a <see cref="FeedItem.Idle"/> after
    /// <paramref name="idle"/> without events (so a stream can say it is alive), and a final
    /// <see cref="FeedItem.Trimmed"/> when the position is older than the bounded feed remembers.
    /// </summary>
    public async IAsyncEnumerable<FeedItem> FollowAsync(string? position, TimeSpan idle, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // Watching before the first read: whatever lands after that read still wakes the loop.
        using var arrived = live.Watch(LiveFilter.Everything);

        while (!cancellationToken.IsCancellationRequested)
        {
            var batch = await replay.ReadAfterAsync(position, BatchSize, TimeSpan.Zero, cancellationToken);
            if (batch.Trimmed)
            {
                yield return FeedItem.Trimmed;
                yield break;
            }

            foreach (var change in batch.Events)
            {
                position = change.EventId;
                yield return new FeedItem(change);
            }

            if (batch.Events.Count == BatchSize)
            {
                continue;
            }

            var woke = await arrived.WaitAsync(idle, cancellationToken);
            if (!woke)
            {
                yield return FeedItem.Idle;
            }
        }
    }
}

/// <summary>One step of following the feed: an event, a quiet spell, or the news that the position was trimmed away.</summary>
public sealed record FeedItem(OrderEvent? Event)
{
    public static FeedItem Idle { get; } = new((OrderEvent?)null);

    public static FeedItem Trimmed { get; } = new((OrderEvent?)null) { IsTrimmed = true };

    public bool IsTrimmed { get; private init; }
}
