using System.Globalization;
using OrderConsole.Core.Workers;
using StackExchange.Redis;

namespace OrderConsole.Core.Storage.Redis;

/// <summary>
/// The feed's consumer groups read with <c>XINFO GROUPS</c> (lag, pending), each group's dead letters with <c>XLEN</c>
/// and its newest one with <c>XREVRANGE … COUNT 1</c>; nothing is created or joined.
/// </summary>
public sealed class RedisWorkerGroups(RedisStoreConnection redis, RedisStoreOptions options) : IWorkerGroups
{
    private readonly RedisKeys _keys = new(options.KeyPrefix);

    public async Task<IReadOnlyList<WorkerGroupStatus>> ReadAsync(CancellationToken cancellationToken)
    {
        var events = _keys.Events;
        if (!await redis.RunAsync("EXISTS", db => db.KeyExistsAsync(events), cancellationToken))
        {
            // No feed yet, so no group either; XINFO would answer an error.
            return [];
        }

        var groups = await redis.RunAsync("XINFO", db => db.StreamGroupInfoAsync(events), cancellationToken);
        var found = new List<WorkerGroupStatus>(groups.Length);
        foreach (var group in groups.OrderBy(group => group.Name, StringComparer.Ordinal))
        {
            var deadLetters = _keys.WorkerDeadLetters(group.Name);
            var count = await redis.RunAsync("XLEN", db => db.StreamLengthAsync(deadLetters), cancellationToken);
            var newest = count == 0
                ? []
                : await redis.RunAsync("XREVRANGE", db => db.StreamRangeAsync(deadLetters, null, null, 1, StackExchange.Redis.Order.Descending), cancellationToken);
            var (error, at) = newest is [var letter, ..] ? (Text(letter["error"]), When(letter["at"])) : (null, null);
            found.Add(new WorkerGroupStatus(group.Name, new WorkerBacklog(group.Lag, group.PendingMessageCount, count), error, at));
        }

        return found;
    }

    private static string? Text(RedisValue value) => value.IsNullOrEmpty ? null : value.ToString();

    private static DateTimeOffset? When(RedisValue value) =>
        DateTimeOffset.TryParse(value.ToString(), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at) ? at : null;
}
