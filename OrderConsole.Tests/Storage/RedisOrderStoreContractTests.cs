using OrderConsole.Core.Storage;
using OrderConsole.Core.Storage.Redis;
using OrderConsole.Tests.Infrastructure;
using OrderConsole.Tests.Support;

namespace OrderConsole.Tests.Storage;

/// <summary>The Redis store passes the very same storage contract, against a real redis-server; each test gets a key prefix of its own.</summary>
[Collection(RedisCollection.Name)]
public sealed class RedisOrderStoreContractTests(RedisServerFixture server) : OrderStoreContract, IAsyncLifetime
{
    private readonly List<RedisOrderFeed> _feeds = [];
    private RedisStoreConnection _redis = default!;

    public async Task InitializeAsync() => _redis = await server.ConnectAsync();

    public async Task DisposeAsync()
    {
        foreach (var feed in _feeds)
        {
            await feed.DisposeAsync();
        }

        await _redis.DisposeAsync();
    }

    protected override (IOrderStore Store, IOrderFeed Feed) CreateStore() => Create(new RedisStoreOptions());

    protected override (IOrderStore Store, IOrderFeed Feed)? CreateStoreWithFeedCapacity(int capacity) =>
        Create(new RedisStoreOptions { FeedMaxLength = capacity, ExactFeedTrimming = true });

    private (IOrderStore Store, IOrderFeed Feed) Create(RedisStoreOptions options)
    {
        options.KeyPrefix = $"t{Guid.NewGuid():N}:";
        var feed = new RedisOrderFeed(_redis, options);
        _feeds.Add(feed);
        return (new RedisOrderStore(_redis, options, new ManualClock()), feed);
    }
}
