using OrderConsole.Core.Storage.Redis;
using StackExchange.Redis;

namespace OrderConsole.Hubs.Relay;

/// <summary>
/// Which instance relays: the one whose name the lease key holds. Taken with <c>SET NX PX</c>, renewed by its holder
/// only (a script compares the name first), so when the holder dies the lease runs out and another instance takes it.
/// </summary>
public sealed class RelayLease(RedisStoreConnection redis, string keyPrefix, string holder, TimeSpan length)
{
    private const string Renew = """
        if redis.call('GET', KEYS[1]) == ARGV[1] then
          return redis.call('PEXPIRE', KEYS[1], ARGV[2])
        end
        return 0
        """;

    private readonly RedisKey _key = RelayKeys.Lease(keyPrefix);

    /// <summary>True when this instance holds the lease now (taken or renewed).</summary>
    public async Task<bool> HoldAsync(bool held, CancellationToken cancellationToken)
    {
        if (held)
        {
            var renewed = await redis.Database.ScriptEvaluateAsync(Renew, [_key], [holder, (long)length.TotalMilliseconds]).WaitAsync(cancellationToken);
            if ((long)renewed == 1)
            {
                return true;
            }
        }

        return await redis.Database.StringSetAsync(_key, holder, length, When.NotExists).WaitAsync(cancellationToken);
    }
}
