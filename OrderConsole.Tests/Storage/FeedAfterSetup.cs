using OrderConsole.Core.Storage;

namespace OrderConsole.Tests.Storage;

/// <summary>
/// A store's feed as a test sees it after arranging the directory: reading from the start begins after
/// <paramref name="setUpUntil"/>, so the suppliers' own <c>supplier.updated</c> events do not count as the test's.
/// </summary>
internal sealed class FeedAfterSetup(IOrderFeed feed, string? setUpUntil) : IOrderFeed
{
    /// <summary>Null while nothing was appended after the set-up, as for an empty feed.</summary>
    public async Task<string?> GetLatestEventIdAsync(CancellationToken cancellationToken = default) =>
        await feed.GetLatestEventIdAsync(cancellationToken) is { } latest && latest != setUpUntil ? latest : null;

    public Task<FeedBatch> ReadAfterAsync(string? afterEventId, int maxCount, TimeSpan wait, CancellationToken cancellationToken = default) =>
        feed.ReadAfterAsync(afterEventId ?? setUpUntil, maxCount, wait, cancellationToken);

    public bool IsPosition(string eventId) => feed.IsPosition(eventId);
}
