using OrderConsole.Core.Events;
using OrderConsole.Core.Redis;

namespace OrderConsole.Core.Storage.Redis;

/// <summary>
/// The feed on Redis: the global stream read with <c>XREAD BLOCK</c> on a dedicated connection, so a
/// blocked read never holds up the shared one. A position older than the newest entry the stream has
/// trimmed away is reported as <see cref="FeedBatch.Trimmed"/>.
/// </summary>
public sealed class RedisOrderFeed(RedisConnection redis, RedisStoreOptions options) : IOrderFeed, IAsyncDisposable
{
    private readonly RedisKeys _keys = new(options.KeyPrefix);
    private readonly SemaphoreSlim _reading = new(1, 1);
    private RedisConnection? _blocking;
    private string? _lastReturned;

    public async Task<string?> GetLatestEventIdAsync(CancellationToken cancellationToken = default)
    {
        var newest = await redis.RunAsync(["XREVRANGE", _keys.Events, "+", "-", "COUNT", 1], cancellationToken);
        return newest.Elements.Count == 0 ? null : newest.Elements[0].Elements[0].AsString();
    }

    public bool IsPosition(string eventId) => StreamId.TryParse(eventId, out _);

    public async Task<FeedBatch> ReadAfterAsync(string? afterEventId, int maxCount, TimeSpan wait, CancellationToken cancellationToken = default)
    {
        await _reading.WaitAsync(cancellationToken);
        try
        {
            var after = afterEventId ?? StreamId.Zero.ToString();
            if (afterEventId is not null && afterEventId != _lastReturned && await IsTrimmedAsync(afterEventId, cancellationToken))
            {
                return FeedBatch.TrimmedAway;
            }

            var reply = wait > TimeSpan.Zero
                ? await ReadBlockingAsync(after, maxCount, wait, cancellationToken)
                : await redis.RunAsync(["XREAD", "COUNT", maxCount, "STREAMS", _keys.Events, after], cancellationToken);
            if (reply.IsNull || reply.Elements.Count == 0)
            {
                return FeedBatch.Empty;
            }

            var events = reply.Elements[0].Elements[1].Elements.Select(entry =>
                WireJson.Deserialize<OrderEvent>(entry.Elements[1].Elements[1].AsString()!) with { EventId = entry.Elements[0].AsString()! }).ToList();
            _lastReturned = events.Count > 0 ? events[^1].EventId : _lastReturned;
            return new FeedBatch(events);
        }
        finally
        {
            _reading.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_blocking is not null)
        {
            await _blocking.DisposeAsync();
        }

        _reading.Dispose();
    }

    private async Task<RedisReply> ReadBlockingAsync(string after, int maxCount, TimeSpan wait, CancellationToken cancellationToken)
    {
        _blocking ??= await OpenBlockingAsync(cancellationToken);
        try
        {
            return await _blocking.RunAsync(
                ["XREAD", "COUNT", maxCount, "BLOCK", (long)Math.Max(1, wait.TotalMilliseconds), "STREAMS", _keys.Events, after],
                cancellationToken,
                wait + redis.Options.CommandTimeout);
        }
        catch
        {
            // A blocked read that was cancelled or failed may still answer later; start the next one on a fresh connection.
            var broken = _blocking;
            _blocking = null;
            _lastReturned = null;
            await broken.DisposeAsync();
            throw;
        }
    }

    private async Task<RedisConnection> OpenBlockingAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await redis.OpenDedicatedAsync(cancellationToken);
        }
        catch (RedisException failure) when (failure is not RedisServerException)
        {
            throw RedisStoreErrors.Unavailable(failure);
        }
    }

    /// <summary>
    /// True when entries after <paramref name="afterEventId"/> may be gone. Trimming removes the oldest entries
    /// first, so while the entry at the position itself remains, everything after it does too; once it is gone
    /// and the stream now starts later, what lay between may have been trimmed.
    /// </summary>
    private async Task<bool> IsTrimmedAsync(string afterEventId, CancellationToken cancellationToken)
    {
        var itself = await redis.RunAsync(["XRANGE", _keys.Events, afterEventId, afterEventId], cancellationToken);
        if (itself.Elements.Count > 0)
        {
            return false;
        }

        var oldest = await redis.RunAsync(["XRANGE", _keys.Events, "-", "+", "COUNT", 1], cancellationToken);
        return oldest.Elements.Count > 0 && StreamId.Parse(oldest.Elements[0].Elements[0].AsString()!) > StreamId.Parse(afterEventId);
    }
}
