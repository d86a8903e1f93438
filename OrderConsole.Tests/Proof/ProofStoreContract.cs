using OrderConsole.Core.Storage;

namespace OrderConsole.Tests.Proof;

/// <summary>What every proof store does: keeps each proof's images under its order and id, hands them back byte for byte, removes only what is asked.</summary>
public abstract class ProofStoreContract
{
    protected abstract Task<IProofStore> CreateAsync();

    [Fact]
    public async Task A_kept_photo_and_signature_come_back_byte_for_byte()
    {
        var store = await CreateAsync();
        var order = Guid.NewGuid();
        var images = new ProofImagesToKeep([1, 2, 3, 0, 255], [9, 8, 7]);

        await store.SaveAsync(order, "a1", images);

        Assert.Equal(images.Photo, await store.ReadAsync(order, "a1", ProofPart.Photo));
        Assert.Equal(images.Signature, await store.ReadAsync(order, "a1", ProofPart.Signature));
    }

    [Fact]
    public async Task A_proof_without_a_signature_has_none_to_read()
    {
        var store = await CreateAsync();
        var order = Guid.NewGuid();

        await store.SaveAsync(order, "b2", new ProofImagesToKeep([1, 2], null));

        Assert.Null(await store.ReadAsync(order, "b2", ProofPart.Signature));
    }

    [Fact]
    public async Task Removing_one_proof_leaves_another_proof_of_the_same_order()
    {
        var store = await CreateAsync();
        var order = Guid.NewGuid();
        await store.SaveAsync(order, "c3", new ProofImagesToKeep([1], [2]));
        await store.SaveAsync(order, "d4", new ProofImagesToKeep([3], [4]));

        await store.DeleteAsync(order, "c3");

        Assert.Null(await store.ReadAsync(order, "c3", ProofPart.Photo));
        Assert.Equal([3], await store.ReadAsync(order, "d4", ProofPart.Photo));
    }

    [Fact]
    public async Task Reading_a_proof_that_was_never_kept_gives_nothing()
    {
        var store = await CreateAsync();

        Assert.Null(await store.ReadAsync(Guid.NewGuid(), "e5", ProofPart.Photo));
    }
}
