using OrderConsole.Core.Storage;
using OrderConsole.Core.Storage.InMemory;
using OrderConsole.Core.Storage.Redis;
using OrderConsole.Tests.Infrastructure;

namespace OrderConsole.Tests.Storage;

/// <summary>What both adapters of <see cref="IRequestFingerprints"/> promise: the first fingerprint bound to a key stays.</summary>
public abstract class RequestFingerprintsContract
{
    protected abstract IRequestFingerprints Create();

    [Fact]
    public async Task A_new_key_is_bound_to_the_fingerprint_it_came_with()
    {
        var fingerprints = Create();

        Assert.Equal("first", await fingerprints.BindAsync("key-1", "first"));
    }

    [Fact]
    public async Task A_bound_key_keeps_its_first_fingerprint()
    {
        var fingerprints = Create();
        await fingerprints.BindAsync("key-1", "first");

        Assert.Equal("first", await fingerprints.BindAsync("key-1", "second"));
        Assert.Equal("first", await fingerprints.BindAsync("key-1", "first"));
    }

    [Fact]
    public async Task Racing_binds_of_one_key_agree_on_one_fingerprint()
    {
        var fingerprints = Create();

        var answers = await Task.WhenAll(Enumerable.Range(0, 50).Select(i => fingerprints.BindAsync("contested", $"fp-{i}")));

        Assert.Single(answers.Distinct());
    }
}

/// <summary>The in-memory adapter.</summary>
public sealed class InMemoryRequestFingerprintsTests : RequestFingerprintsContract
{
    protected override IRequestFingerprints Create() => new InMemoryRequestFingerprints();
}

/// <summary>The Redis adapter, against a real redis-server; each test gets a key prefix of its own.</summary>
[Collection(RedisCollection.Name)]
public sealed class RedisRequestFingerprintsTests(RedisServerFixture server) : RequestFingerprintsContract, IAsyncLifetime
{
    private RedisStoreConnection _redis = default!;

    public async Task InitializeAsync() => _redis = await server.ConnectAsync();

    public async Task DisposeAsync() => await _redis.DisposeAsync();

    protected override IRequestFingerprints Create() => new RedisRequestFingerprints(_redis, new RedisStoreOptions { KeyPrefix = $"t{Guid.NewGuid():N}:" });
}
