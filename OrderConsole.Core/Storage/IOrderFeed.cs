namespace OrderConsole.Core.Storage;

/// <summary>
/// The global event feed every app instance tails: read what came after a position, waiting a while when
/// nothing has. Positions are opaque strings the adapter defines.
/// </summary>
public interface IOrderFeed
{
    /// <summary>The newest position, or null while the feed is empty.</summary>
    Task<string?> GetLatestEventIdAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Up to <paramref name="maxCount"/> events after <paramref name="afterEventId"/> (null: from the start),
    /// waiting up to <paramref name="wait"/> for the first one.
    /// </summary>
    Task<FeedBatch> ReadAfterAsync(string? afterEventId, int maxCount, TimeSpan wait, CancellationToken cancellationToken = default);

    /// <summary>True when <paramref name="eventId"/> has the form of this feed's positions (it may be trimmed away).</summary>
    bool IsPosition(string eventId);
}
