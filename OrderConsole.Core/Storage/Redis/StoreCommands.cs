using System.Diagnostics;
using StackExchange.Redis;

namespace OrderConsole.Core.Storage.Redis;

/// <summary>
/// Sending a command or script on behalf of a store: each is timed for <c>redis.command.duration</c>, the client's
/// failures become the store's errors (<see cref="StoreUnavailableException"/>), while the scripts' own verdicts
/// pass through for the caller to map. The client takes no cancellation token: cancelling stops the wait only.
/// </summary>
internal static class StoreCommands
{
    public static async Task<T> RunAsync<T>(this RedisStoreConnection redis, string command, Func<IDatabase, Task<T>> send, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var started = Stopwatch.GetTimestamp();
        try
        {
            var result = await send(redis.Database).WaitAsync(cancellationToken);
            redis.Metrics.RecordDuration(command, started, failed: false);
            return result;
        }
        catch (RedisServerException refused)
        {
            redis.Metrics.RecordDuration(command, started, failed: true);
            throw RedisStoreErrors.Refused(refused);
        }
        catch (Exception failure) when (RedisStoreErrors.IsConnectionFailure(failure))
        {
            throw RedisStoreErrors.Unavailable(failure);
        }
    }

    /// <summary>Runs one of the store's scripts (by digest once loaded; see <see cref="RedisStoreConnection"/>) with ARGV only.</summary>
    public static async Task<RedisResult> RunScriptAsync(this RedisStoreConnection redis, string script, RedisValue[] args, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var started = Stopwatch.GetTimestamp();
        try
        {
            var result = await redis.Database.ScriptEvaluateAsync(script, keys: null, values: args).WaitAsync(cancellationToken);
            redis.Metrics.RecordDuration("EVALSHA", started, failed: false);
            return result;
        }
        catch (RedisServerException refused)
        {
            var verdict = RedisScripts.IsScriptVerdict(refused);
            redis.Metrics.RecordDuration("EVALSHA", started, failed: !verdict);
            if (verdict)
            {
                throw;
            }

            throw RedisStoreErrors.Refused(refused);
        }
        catch (Exception failure) when (RedisStoreErrors.IsConnectionFailure(failure))
        {
            throw RedisStoreErrors.Unavailable(failure);
        }
    }
}
