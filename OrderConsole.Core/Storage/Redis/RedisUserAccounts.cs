using OrderConsole.Core.Events;
using OrderConsole.Core.Redis;
using OrderConsole.Core.Users;

namespace OrderConsole.Core.Storage.Redis;

/// <summary>Users and data-protection keys in Redis, beside the orders, under the same key prefix.</summary>
public sealed class RedisUserAccounts(RedisConnection redis, RedisStoreOptions options) : IUserAccounts, IKeyRingStore
{
    private readonly RedisKeys _keys = new(options.KeyPrefix);

    public async Task<ConsoleUser?> FindByIdAsync(string userId, CancellationToken cancellationToken = default)
    {
        var json = await redis.RunAsync(["HGET", _keys.User(userId), "json"], cancellationToken);
        return json.IsNull ? null : WireJson.Deserialize<ConsoleUser>(json.AsString()!);
    }

    public async Task<ConsoleUser?> FindByNameAsync(string normalizedUserName, CancellationToken cancellationToken = default)
    {
        var id = await redis.RunAsync(["GET", _keys.UserName(normalizedUserName)], cancellationToken);
        return id.IsNull ? null : await FindByIdAsync(id.AsString()!, cancellationToken);
    }

    public async Task<IReadOnlyList<ConsoleUser>> ListAsync(CancellationToken cancellationToken = default)
    {
        var ids = await redis.RunAsync(["SMEMBERS", _keys.Users], cancellationToken);
        var users = await Task.WhenAll(ids.Elements.Select(id => FindByIdAsync(id.AsString()!, cancellationToken)));
        return [.. users.OfType<ConsoleUser>().OrderBy(user => user.UserName, StringComparer.Ordinal)];
    }

    public async Task<bool> CreateAsync(ConsoleUser user, CancellationToken cancellationToken = default)
    {
        var created = await redis.RunScriptAsync(RedisUserScripts.Create,
            [options.KeyPrefix, user.Id, user.NormalizedUserName, WireJson.Serialize(user), user.ConcurrencyStamp], cancellationToken);
        return created.AsInt64() == 1;
    }

    public async Task<bool> UpdateAsync(ConsoleUser user, string expectedConcurrencyStamp, CancellationToken cancellationToken = default)
    {
        var updated = await redis.RunScriptAsync(RedisUserScripts.Update,
            [options.KeyPrefix, user.Id, expectedConcurrencyStamp, user.NormalizedUserName, WireJson.Serialize(user), user.ConcurrencyStamp], cancellationToken);
        return updated.AsInt64() == 1;
    }

    public async Task DeleteAsync(string userId, CancellationToken cancellationToken = default) =>
        await redis.RunScriptAsync(RedisUserScripts.Delete, [options.KeyPrefix, userId], cancellationToken);

    public async Task<IReadOnlyList<string>> GetAllAsync(CancellationToken cancellationToken = default)
    {
        var values = await redis.RunAsync(["HVALS", _keys.KeyRing], cancellationToken);
        return [.. values.Elements.Select(value => value.AsString()!)];
    }

    public async Task StoreAsync(string name, string xml, CancellationToken cancellationToken = default) =>
        await redis.RunAsync(["HSET", _keys.KeyRing, name, xml], cancellationToken);
}
