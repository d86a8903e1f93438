using OrderConsole.Core.Events;
using StackExchange.Redis;
using SortOrder = StackExchange.Redis.Order;

namespace OrderConsole.Core.Storage.Redis;

/// <summary>
/// The feed on Redis: the global stream read with plain <c>XREAD COUNT n</c> (a multiplexer never blocks), woken by
/// the wake-up each write script publishes on <c>{p}events:wake</c>. A reader that finds nothing new waits for a
/// wake-up, a reconnect (wake-ups published meanwhile are lost) or the safety poll, then reads again from where it
/// is; the stream, not the wake-up, says what is new, so nothing is missed, repeated or reordered. A position older
/// than the newest entry the stream has trimmed away is reported as <see cref="FeedBatch.Trimmed"/>.
/// </summary>
public sealed class RedisOrderFeed : IOrderFeed, IAsyncDisposable
{
    private readonly RedisStoreConnection _redis;
    private readonly RedisStoreOptions _options;
    private readonly RedisKeys _keys;
    private readonly RedisChannel _wakeUps;
    private readonly WakeUpSignal _signal = new();
    private readonly SemaphoreSlim _reading = new(1, 1);
    private readonly Action<RedisChannel, RedisValue> _onWakeUp;
    private bool _subscribed;
    private string? _lastReturned;

    public RedisOrderFeed(RedisStoreConnection redis, RedisStoreOptions options)
    {
        _redis = redis;
        _options = options;
        _keys = new RedisKeys(options.KeyPrefix);
        _wakeUps = RedisChannel.Literal(_keys.WakeUps);
        _onWakeUp = (_, _) => _signal.Pulse();
        redis.Restored += OnRestored;
    }

    public async Task<string?> GetLatestEventIdAsync(CancellationToken cancellationToken = default)
    {
        var newest = await _redis.RunAsync("XREVRANGE", db => db.StreamRangeAsync(_keys.Events, count: 1, messageOrder: SortOrder.Descending), cancellationToken);
        return newest.Length == 0 ? null : newest[0].Id.ToString();
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

            var deadline = DateTime.UtcNow + (wait > TimeSpan.Zero ? wait : TimeSpan.Zero);
            if (wait > TimeSpan.Zero)
            {
                await SubscribeAsync();
            }

            while (true)
            {
                // Taken before the read: a wake-up published while it runs still ends the wait below.
                var woken = _signal.Next;
                var entries = await _redis.RunAsync("XREAD", db => db.StreamReadAsync(_keys.Events, after, maxCount), cancellationToken);
                if (entries.Length > 0)
                {
                    var events = entries.Select(entry => WireJson.Deserialize<OrderEvent>(entry["event"].ToString()) with { EventId = entry.Id.ToString() }).ToList();
                    _lastReturned = events[^1].EventId;
                    return new FeedBatch(events);
                }

                var remaining = deadline - DateTime.UtcNow;
                if (remaining <= TimeSpan.Zero)
                {
                    return FeedBatch.Empty;
                }

                await WaitForWakeUpAsync(woken, remaining < _options.FeedPollInterval ? remaining : _options.FeedPollInterval, cancellationToken);
            }
        }
        finally
        {
            _reading.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _redis.Restored -= OnRestored;
        if (_subscribed && _redis.State != RedisConnectionState.Disposed)
        {
            try
            {
                await _redis.Subscriber.UnsubscribeAsync(_wakeUps, _onWakeUp);
            }
            catch (Exception failure) when (RedisStoreErrors.IsConnectionFailure(failure))
            {
                // The server forgets the subscription with the connection anyway.
            }
        }

        _reading.Dispose();
    }

    /// <summary>Waits for a wake-up, at most <paramref name="poll"/>: the safety poll, for a wake-up that was lost.</summary>
    private static async Task WaitForWakeUpAsync(Task woken, TimeSpan poll, CancellationToken cancellationToken)
    {
        try
        {
            await woken.WaitAsync(poll, cancellationToken);
        }
        catch (TimeoutException)
        {
            // Time to look anyway.
        }
    }

    private async Task SubscribeAsync()
    {
        if (_subscribed)
        {
            return;
        }

        try
        {
            await _redis.Subscriber.SubscribeAsync(_wakeUps, _onWakeUp);
        }
        catch (Exception failure) when (RedisStoreErrors.IsConnectionFailure(failure))
        {
            throw RedisStoreErrors.Unavailable(failure);
        }

        // The client re-subscribes by itself after a reconnect; what was published in between is caught by OnRestored.
        _subscribed = true;
    }

    private void OnRestored(object? sender, EventArgs e) => _signal.Pulse();

    /// <summary>
    /// True when entries after <paramref name="afterEventId"/> may be gone. Trimming removes the oldest entries
    /// first, so while the entry at the position itself remains, everything after it does too; once it is gone
    /// and the stream now starts later, what lay between may have been trimmed.
    /// </summary>
    private async Task<bool> IsTrimmedAsync(string afterEventId, CancellationToken cancellationToken)
    {
        var itself = await _redis.RunAsync("XRANGE", db => db.StreamRangeAsync(_keys.Events, afterEventId, afterEventId), cancellationToken);
        if (itself.Length > 0)
        {
            return false;
        }

        var oldest = await _redis.RunAsync("XRANGE", db => db.StreamRangeAsync(_keys.Events, count: 1), cancellationToken);
        return oldest.Length > 0 && StreamId.Parse(oldest[0].Id.ToString()) > StreamId.Parse(afterEventId);
    }
}
