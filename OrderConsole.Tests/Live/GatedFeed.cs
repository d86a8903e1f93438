using OrderConsole.Core.Storage;

namespace OrderConsole.Tests.Live;

/// <summary>
/// A feed whose readers are held back until <see cref="Open"/>: lets a test make a reader fall behind the
/// feed's capacity, as a reader does after an outage.
/// </summary>
internal sealed class GatedFeed(IOrderFeed inner) : IOrderFeed
{
    private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Open() => _gate.TrySetResult();

    public Task<string?> GetLatestEventIdAsync(CancellationToken cancellationToken = default) => inner.GetLatestEventIdAsync(cancellationToken);

    public bool IsPosition(string eventId) => inner.IsPosition(eventId);

    public async Task<FeedBatch> ReadAfterAsync(string? afterEventId, int maxCount, TimeSpan wait, CancellationToken cancellationToken = default)
    {
        await _gate.Task.WaitAsync(cancellationToken);
        return await inner.ReadAfterAsync(afterEventId, maxCount, wait, cancellationToken);
    }
}
