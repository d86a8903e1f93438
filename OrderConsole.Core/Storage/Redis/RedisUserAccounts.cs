using OrderConsole.Core.Events;
using OrderConsole.Core.Users;

namespace OrderConsole.Core.Storage.Redis;

/// <summary>Users in Redis, beside the orders, under the same key prefix (the Identity user store reads and writes through this).</summary>
public sealed class RedisUserAccounts(RedisStoreConnection redis, RedisStoreOptions options) : IUserAccounts
{
    private readonly RedisKeys _keys = new(options.KeyPrefix);

    public async Task<ConsoleUser?> FindByIdAsync(string userId, CancellationToken cancellationToken = default)
    {
        var json = await redis.RunAsync("HGET", db => db.HashGetAsync(_keys.User(userId), "json"), cancellationToken);
        return json.IsNull ? null : WireJson.Deserialize<ConsoleUser>(json.ToString());
    }

    public async Task<ConsoleUser?> FindByNameAsync(string normalizedUserName, CancellationToken cancellationToken = default)
    {
        var id = await redis.RunAsync("GET", db => db.StringGetAsync(_keys.UserName(normalizedUserName)), cancellationToken);
        return id.IsNull ? null : await FindByIdAsync(id.ToString(), cancellationToken);
    }

    public async Task<IReadOnlyList<ConsoleUser>> ListAsync(CancellationToken cancellationToken = default)
    {
        var ids = await redis.RunAsync("SMEMBERS", db => db.SetMembersAsync(_keys.Users), cancellationToken);
        var users = await Task.WhenAll(ids.Select(id => FindByIdAsync(id.ToString(), cancellationToken)));
        return [.. users.OfType<ConsoleUser>().OrderBy(user => user.UserName, StringComparer.Ordinal)];
    }

    public async Task<bool> CreateAsync(ConsoleUser user, CancellationToken cancellationToken = default)
    {
        var created = await redis.RunScriptAsync(RedisUserScripts.Create,
            [options.KeyPrefix, user.Id, user.NormalizedUserName, WireJson.Serialize(user), user.ConcurrencyStamp], cancellationToken);
        return (long)created == 1;
    }

    public async Task<bool> UpdateAsync(ConsoleUser user, string expectedConcurrencyStamp, CancellationToken cancellationToken = default)
    {
        var updated = await redis.RunScriptAsync(RedisUserScripts.Update,
            [options.KeyPrefix, user.Id, expectedConcurrencyStamp, user.NormalizedUserName, WireJson.Serialize(user), user.ConcurrencyStamp], cancellationToken);
        return (long)updated == 1;
    }

    public async Task DeleteAsync(string userId, CancellationToken cancellationToken = default) =>
        await redis.RunScriptAsync(RedisUserScripts.Delete, [options.KeyPrefix, userId], cancellationToken);
}
