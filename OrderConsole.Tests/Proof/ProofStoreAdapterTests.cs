using OrderConsole.Core.Storage;
using OrderConsole.Core.Storage.Files;
using OrderConsole.Core.Storage.InMemory;
using OrderConsole.Core.Storage.Redis;
using OrderConsole.Tests.Infrastructure;

namespace OrderConsole.Tests.Proof;

/// <summary>The proof store in the volatile mode passes the contract.</summary>
public sealed class InMemoryProofStoreTests : ProofStoreContract
{
    protected override Task<IProofStore> CreateAsync() => Task.FromResult<IProofStore>(new InMemoryProofStore());
}

/// <summary>The proof folder passes the contract and keeps its files where an operator expects them.</summary>
public sealed class FolderProofStoreTests : ProofStoreContract, IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"proof-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    protected override Task<IProofStore> CreateAsync() => Task.FromResult<IProofStore>(new FolderProofStore(_folder));

    [Fact]
    public async Task A_proof_is_kept_as_files_in_its_orders_folder()
    {
        var order = Guid.NewGuid();

        await new FolderProofStore(_folder).SaveAsync(order, "ab12", new ProofImagesToKeep([1], [2]));

        Assert.Equal(
            ["ab12.photo.jpg", "ab12.signature.png"],
            Directory.GetFiles(Path.Combine(_folder, order.ToString("N"))).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_proof_id_that_is_not_hex_digits_cannot_reach_outside_the_folder()
    {
        await Assert.ThrowsAsync<ArgumentException>(() =>
            new FolderProofStore(_folder).SaveAsync(Guid.NewGuid(), "../../etc", new ProofImagesToKeep([1], null)));
    }
}

/// <summary>The Redis proof store passes the contract on a real redis-server and never holds more than its cap.</summary>
[Collection(RedisCollection.Name)]
public sealed class RedisProofStoreTests(RedisServerFixture server) : ProofStoreContract, IAsyncLifetime
{
    private RedisStoreConnection _redis = default!;

    public async Task InitializeAsync() => _redis = await server.ConnectAsync();

    public async Task DisposeAsync() => await _redis.DisposeAsync();

    protected override Task<IProofStore> CreateAsync() => Task.FromResult<IProofStore>(Create(capBytes: 1024 * 1024));

    [Fact]
    public async Task A_proof_that_would_pass_the_cap_is_refused_and_nothing_of_it_is_kept()
    {
        var store = Create(capBytes: 1000);
        var order = Guid.NewGuid();
        await store.SaveAsync(order, "f1", new ProofImagesToKeep(new byte[600], null));

        var refused = await Assert.ThrowsAsync<ProofStorageFullException>(() => store.SaveAsync(order, "f2", new ProofImagesToKeep(new byte[300], new byte[200])));

        Assert.Contains("Proof:MaxTotalMB", refused.Message, StringComparison.Ordinal);
        Assert.Null(await store.ReadAsync(order, "f2", ProofPart.Photo));
        Assert.Equal(600, await store.TotalBytesAsync());
    }

    [Fact]
    public async Task Removing_a_proof_gives_its_room_back()
    {
        var store = Create(capBytes: 1000);
        var order = Guid.NewGuid();
        await store.SaveAsync(order, "a1", new ProofImagesToKeep(new byte[600], new byte[100]));
        await store.DeleteAsync(order, "a1");

        await store.SaveAsync(order, "a2", new ProofImagesToKeep(new byte[900], null));

        Assert.Equal(900, await store.TotalBytesAsync());
    }

    private RedisProofStore Create(long capBytes) =>
        new(_redis, new RedisStoreOptions { KeyPrefix = $"t{Guid.NewGuid():N}:" }, capBytes);
}
