using OrderConsole.Core.Redis;

namespace OrderConsole.Core.Storage.Redis;

/// <summary>
/// Sending a command or script on behalf of a store: the client's failures become the store's errors
/// (<see cref="StoreUnavailableException"/>), while the scripts' own verdicts pass through for the caller to map.
/// </summary>
internal static class StoreCommands
{
    public static async Task<RedisReply> RunAsync(this RedisConnection redis, RedisArgument[] request, CancellationToken cancellationToken, TimeSpan? timeout = null)
    {
        try
        {
            return await redis.ExecuteAsync(request, timeout, cancellationToken);
        }
        catch (RedisServerException refused)
        {
            throw RedisStoreErrors.Refused(refused);
        }
        catch (RedisException failure)
        {
            throw RedisStoreErrors.Unavailable(failure);
        }
    }

    public static async Task<RedisReply> RunScriptAsync(this RedisConnection redis, RedisScript script, IReadOnlyList<RedisArgument> args, CancellationToken cancellationToken)
    {
        try
        {
            return await redis.EvaluateAsync(script, keys: null, args, cancellationToken);
        }
        catch (RedisServerException refused) when (!RedisScripts.IsScriptVerdict(refused))
        {
            throw RedisStoreErrors.Refused(refused);
        }
        catch (RedisException failure) when (failure is not RedisServerException)
        {
            throw RedisStoreErrors.Unavailable(failure);
        }
    }
}
