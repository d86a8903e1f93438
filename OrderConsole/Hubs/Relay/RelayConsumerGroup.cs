using OrderConsole.Core.Events;
using OrderConsole.Core.Storage.Redis;
using StackExchange.Redis;

namespace OrderConsole.Hubs.Relay;

/// <summary>
/// The relay's consumer group on the feed stream: new entries for this consumer (<c>XREADGROUP … &gt;</c>), entries it
/// was given and has not acknowledged (<c>… 0</c>), taking over what other consumers left pending (<c>XAUTOCLAIM</c>),
/// and acknowledging (<c>XACK</c>). Reads never block (the multiplexer is shared).
/// </summary>
public sealed class RelayConsumerGroup(RedisStoreConnection redis, string keyPrefix, string consumer)
{
    private readonly RedisKey _stream = new RedisKeys(keyPrefix).Events;

    public string Consumer => consumer;

    /// <summary>Creates the group at the feed's end if it does not exist yet: the hub relays what happens from then on.</summary>
    public async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        try
        {
            await redis.Database.StreamCreateConsumerGroupAsync(_stream, RelayKeys.Group, StreamPosition.NewMessages, createStream: true).WaitAsync(cancellationToken);
        }
        catch (RedisServerException exists) when (exists.Message.StartsWith("BUSYGROUP", StringComparison.Ordinal))
        {
            // Another instance (or an earlier run) made it.
        }
    }

    /// <summary>Entries nobody was given yet, now given to this consumer.</summary>
    public Task<IReadOnlyList<RelayEntry>> ReadNewAsync(int count, CancellationToken cancellationToken) =>
        ReadAsync(StreamPosition.NewMessages, count, cancellationToken);

    /// <summary>Entries given to this consumer and not acknowledged, oldest first.</summary>
    public Task<IReadOnlyList<RelayEntry>> ReadPendingAsync(int count, CancellationToken cancellationToken) =>
        ReadAsync(StreamPosition.Beginning, count, cancellationToken);

    /// <summary>Moves every entry pending on other consumers to this one (their relaying instance is gone).</summary>
    public async Task ClaimAllPendingAsync(CancellationToken cancellationToken)
    {
        RedisValue cursor = "0-0";
        do
        {
            var claimed = await redis.Database.StreamAutoClaimIdsOnlyAsync(_stream, RelayKeys.Group, consumer, 0, cursor, 500).WaitAsync(cancellationToken);
            cursor = claimed.NextStartId;
        }
        while (cursor != "0-0");
    }

    public Task AcknowledgeAsync(string entryId, CancellationToken cancellationToken) =>
        redis.Database.StreamAcknowledgeAsync(_stream, RelayKeys.Group, entryId).WaitAsync(cancellationToken);

    private async Task<IReadOnlyList<RelayEntry>> ReadAsync(RedisValue position, int count, CancellationToken cancellationToken)
    {
        var entries = await redis.Database.StreamReadGroupAsync(_stream, RelayKeys.Group, consumer, position, count).WaitAsync(cancellationToken);
        return [.. entries.Select(entry => new RelayEntry(
            entry.Id.ToString(),
            entry.IsNull || entry["event"].IsNull ? null : WireJson.Deserialize<OrderEvent>(entry["event"].ToString()) with { EventId = entry.Id.ToString() }))];
    }
}

/// <summary>One entry of the group: its id and its event (null when the stream trimmed it away before it was relayed).</summary>
public sealed record RelayEntry(string Id, OrderEvent? Event);
