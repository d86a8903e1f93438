using OrderConsole.Core.Storage.InMemory;
using OrderConsole.Core.Storage.Redis;
using OrderConsole.Core.Users;
using OrderConsole.Tests.Infrastructure;

namespace OrderConsole.Tests.Storage;

/// <summary>The embedded store's user accounts pass the contract.</summary>
public sealed class InMemoryUserAccountsContractTests : UserAccountsContract
{
    protected override IUserAccounts CreateAccounts() => new InMemoryUserAccounts();

    [Fact]
    public async Task Data_protection_keys_are_kept_by_name()
    {
        IKeyRingStore keys = new InMemoryUserAccounts();

        await keys.StoreAsync("key-1", "<key id=\"1\"/>");
        await keys.StoreAsync("key-2", "<key id=\"2\"/>");

        Assert.Equal(["<key id=\"1\"/>", "<key id=\"2\"/>"], (await keys.GetAllAsync()).Order(StringComparer.Ordinal));
    }
}

/// <summary>The Redis user accounts pass the same contract against a real redis-server, each test on a prefix of its own.</summary>
[Collection(RedisCollection.Name)]
public sealed class RedisUserAccountsContractTests(RedisServerFixture server) : UserAccountsContract, IAsyncLifetime
{
    private RedisStoreConnection _redis = default!;

    public async Task InitializeAsync() => _redis = await server.ConnectAsync();

    public async Task DisposeAsync() => await _redis.DisposeAsync();

    protected override IUserAccounts CreateAccounts() => new RedisUserAccounts(_redis, new RedisStoreOptions { KeyPrefix = $"t{Guid.NewGuid():N}:" });
}
