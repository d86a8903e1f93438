using OrderConsole.Core.Redis;
using OrderConsole.Core.Storage.InMemory;
using OrderConsole.Core.Storage.Redis;
using OrderConsole.Core.Users;
using OrderConsole.Tests.Infrastructure;
using OrderConsole.Tests.Redis;

namespace OrderConsole.Tests.Storage;

/// <summary>The embedded store's user accounts pass the contract.</summary>
public sealed class InMemoryUserAccountsContractTests : UserAccountsContract
{
    protected override (IUserAccounts Users, IKeyRingStore Keys) CreateAccounts()
    {
        var accounts = new InMemoryUserAccounts();
        return (accounts, accounts);
    }
}

/// <summary>The Redis user accounts pass the same contract against a real redis-server, each test on a prefix of its own.</summary>
[Collection(RedisCollection.Name)]
public sealed class RedisUserAccountsContractTests(RedisServerFixture server) : UserAccountsContract, IAsyncLifetime
{
    private RedisConnection _redis = default!;

    public async Task InitializeAsync() => _redis = await server.ConnectAsync();

    public async Task DisposeAsync() => await _redis.DisposeAsync();

    protected override (IUserAccounts Users, IKeyRingStore Keys) CreateAccounts()
    {
        var accounts = new RedisUserAccounts(_redis, new RedisStoreOptions { KeyPrefix = $"t{Guid.NewGuid():N}:" });
        return (accounts, accounts);
    }
}
