using System.Globalization;
using OrderConsole.Core.Events;
using OrderConsole.Core.Workers;
using StackExchange.Redis;

namespace OrderConsole.Core.Storage.Redis;

/// <summary>
/// The workers' views of the feed on Redis: each worker a consumer group on <c>{p}events</c> (created at the newest
/// entry the first time any instance opens it), each instance a consumer in it. Reads are plain <c>XREADGROUP</c>
/// without BLOCK (a multiplexer never blocks), woken by the feed's wake-up channel and a safety poll.
/// </summary>
public sealed class RedisWorkerStreams : IWorkerStreams, IAsyncDisposable
{
    private readonly RedisStoreConnection _redis;
    private readonly RedisKeys _keys;
    private readonly FeedWorkerOptions _options;
    private readonly RedisChannel _wakeUps;
    private readonly WakeUpSignal _signal = new();
    private readonly Action<RedisChannel, RedisValue> _onWakeUp;
    private readonly SemaphoreSlim _subscribing = new(1, 1);
    private bool _subscribed;

    public RedisWorkerStreams(RedisStoreConnection redis, RedisStoreOptions store, FeedWorkerOptions options)
    {
        _redis = redis;
        _keys = new RedisKeys(store.KeyPrefix);
        _options = options;
        _wakeUps = RedisChannel.Literal(_keys.WakeUps);
        _onWakeUp = (_, _) => _signal.Pulse();
        redis.Restored += OnRestored;
    }

    internal Task NextWakeUp => _signal.Next;

    internal RedisStoreConnection Redis => _redis;

    internal RedisKeys Keys => _keys;

    internal FeedWorkerOptions Options => _options;

    public async Task<IWorkerStream> OpenAsync(string workerName, string consumerName, CancellationToken cancellationToken)
    {
        await SubscribeAsync(cancellationToken);

        // Another instance (or an earlier run) may have created it: then follow it from where the group is.
        await _redis.RunScriptAsync(RedisWorkerScripts.CreateGroup, [_keys.Events, workerName], cancellationToken);
        return new RedisWorkerStream(this, workerName, consumerName);
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

        _subscribing.Dispose();
    }

    private async Task SubscribeAsync(CancellationToken cancellationToken)
    {
        await _subscribing.WaitAsync(cancellationToken);
        try
        {
            if (_subscribed)
            {
                return;
            }

            await _redis.Subscriber.SubscribeAsync(_wakeUps, _onWakeUp);
            _subscribed = true;
        }
        catch (Exception failure) when (RedisStoreErrors.IsConnectionFailure(failure))
        {
            throw RedisStoreErrors.Unavailable(failure);
        }
        finally
        {
            _subscribing.Release();
        }
    }

    // Wake-ups published while the connection was down are lost: look anyway.
    private void OnRestored(object? sender, EventArgs e) => _signal.Pulse();
}

/// <summary>One worker's consumer group, read by this instance's consumer.</summary>
internal sealed class RedisWorkerStream(RedisWorkerStreams streams, string worker, string consumer) : IWorkerStream
{
    private readonly RedisStoreConnection _redis = streams.Redis;
    private readonly string _events = streams.Keys.Events;
    private readonly string _attempts = streams.Keys.WorkerAttempts(worker);
    private readonly string _deadLetters = streams.Keys.WorkerDeadLetters(worker);
    private RedisValue _claimCursor = "0-0";

    public async Task<IReadOnlyList<WorkerEntry>> ReadAsync(int maxCount, bool includeRetries, TimeSpan? claimIdle, TimeSpan wait, CancellationToken cancellationToken)
    {
        var entries = new List<WorkerEntry>();
        if (includeRetries)
        {
            // "0": this consumer's own pending entries, which after a pass are only the ones whose effect failed.
            var own = await _redis.RunAsync("XREADGROUP", db => db.StreamReadGroupAsync(_events, worker, consumer, "0", maxCount), cancellationToken);
            await AddAsync(entries, own, claimed: false, cancellationToken);
        }

        if (claimIdle is { } idle && entries.Count < maxCount)
        {
            var claim = await _redis.RunAsync("XAUTOCLAIM", db => db.StreamAutoClaimAsync(_events, worker, consumer, (long)idle.TotalMilliseconds, _claimCursor, maxCount - entries.Count), cancellationToken);
            _claimCursor = claim.NextStartId.IsNullOrEmpty ? "0-0" : claim.NextStartId;

            // Entries trimmed from the stream while pending: XAUTOCLAIM already dropped them from the group.
            foreach (var gone in claim.DeletedIds)
            {
                await _redis.RunAsync("HDEL", db => db.HashDeleteAsync(_attempts, gone), cancellationToken);
            }

            await AddAsync(entries, claim.ClaimedEntries, claimed: true, cancellationToken);
        }

        if (entries.Count < maxCount)
        {
            // Taken before the read: a wake-up published while it runs still ends the wait below.
            var woken = streams.NextWakeUp;
            var fresh = await ReadNewAsync(maxCount - entries.Count, cancellationToken);
            if (fresh.Length == 0 && entries.Count == 0 && wait > TimeSpan.Zero)
            {
                await WaitAsync(woken, wait, cancellationToken);
                fresh = await ReadNewAsync(maxCount, cancellationToken);
            }

            await AddAsync(entries, fresh, claimed: false, cancellationToken);
        }

        return entries;
    }

    public Task AcknowledgeAsync(WorkerEntry entry, CancellationToken cancellationToken) =>
        _redis.RunScriptAsync(RedisWorkerScripts.Acknowledge, [_events, worker, _attempts, entry.Event.EventId], cancellationToken);

    public async Task<int> RecordFailureAsync(WorkerEntry entry, string error, CancellationToken cancellationToken) =>
        (int)await _redis.RunAsync("HINCRBY", db => db.HashIncrementAsync(_attempts, entry.Event.EventId), cancellationToken);

    public Task DeadLetterAsync(WorkerEntry entry, int attempts, string error, CancellationToken cancellationToken) =>
        _redis.RunScriptAsync(
            RedisWorkerScripts.DeadLetter,
            [
                _events, worker, _attempts, _deadLetters, streams.Options.DeadLetterMaxLength, entry.Event.EventId, entry.Event.EventType,
                WireJson.Serialize(entry.Event), attempts, error, DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture),
            ],
            cancellationToken);

    public async Task<WorkerBacklog> MeasureAsync(CancellationToken cancellationToken)
    {
        var groups = await _redis.RunAsync("XINFO", db => db.StreamGroupInfoAsync(_events), cancellationToken);
        var deadLetters = await _redis.RunAsync("XLEN", db => db.StreamLengthAsync(_deadLetters), cancellationToken);
        var group = groups.FirstOrDefault(candidate => candidate.Name == worker);
        return new WorkerBacklog(group.Lag, group.PendingMessageCount, deadLetters);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private Task<StreamEntry[]> ReadNewAsync(int count, CancellationToken cancellationToken) =>
        _redis.RunAsync("XREADGROUP", db => db.StreamReadGroupAsync(_events, worker, consumer, StreamPosition.NewMessages, count), cancellationToken);

    private async Task AddAsync(List<WorkerEntry> entries, StreamEntry[] read, bool claimed, CancellationToken cancellationToken)
    {
        foreach (var entry in read)
        {
            var json = entry.IsNull ? RedisValue.Null : entry["event"];
            if (json.IsNullOrEmpty)
            {
                // Trimmed away while pending: there is nothing left to act on.
                await _redis.RunScriptAsync(RedisWorkerScripts.Acknowledge, [_events, worker, _attempts, entry.Id], cancellationToken);
                continue;
            }

            entries.Add(new WorkerEntry(WireJson.Deserialize<OrderEvent>(json.ToString()) with { EventId = entry.Id.ToString() }, claimed));
        }
    }

    private static async Task WaitAsync(Task woken, TimeSpan wait, CancellationToken cancellationToken)
    {
        try
        {
            await woken.WaitAsync(wait, cancellationToken);
        }
        catch (TimeoutException)
        {
            // The safety poll: look anyway.
        }
    }
}
