using StackExchange.Redis;

namespace OrderConsole.Core.Storage.Redis;

/// <summary>
/// Request fingerprints in Redis: one <c>SET {prefix}fingerprint:{key} {fingerprint} NX GET EX {ttl}</c> binds the key
/// unless bound and answers the fingerprint it was bound to, atomically (Redis 7: NX and GET together).
/// </summary>
public sealed class RedisRequestFingerprints(RedisStoreConnection redis, RedisStoreOptions options) : IRequestFingerprints
{
    public async Task<string> BindAsync(string key, string fingerprint, CancellationToken cancellationToken = default)
    {
        var ttl = (long)options.CommandIdLifetime.TotalSeconds;
        RedisKey bound = $"{options.KeyPrefix}fingerprint:{key}";
        var previous = await redis.RunAsync("SET", db => db.ExecuteAsync("SET", bound, fingerprint, "NX", "GET", "EX", ttl), cancellationToken);
        return previous.IsNull ? fingerprint : previous.ToString();
    }
}
