using System.Collections.Concurrent;

namespace OrderConsole.Core.Storage.InMemory;

/// <summary>Proof images in memory, for the volatile mode (no data folder): gone at restart like everything else then.</summary>
public sealed class InMemoryProofStore : IProofStore
{
    private readonly ConcurrentDictionary<(Guid, string), ProofImagesToKeep> _proofs = new();

    public Task SaveAsync(Guid orderId, string proofId, ProofImagesToKeep images, CancellationToken cancellationToken = default)
    {
        _proofs[(orderId, proofId)] = images;
        return Task.CompletedTask;
    }

    public Task<byte[]?> ReadAsync(Guid orderId, string proofId, ProofPart part, CancellationToken cancellationToken = default) =>
        Task.FromResult(_proofs.TryGetValue((orderId, proofId), out var images) ? images.Of(part) : null);

    public Task DeleteAsync(Guid orderId, string proofId, CancellationToken cancellationToken = default)
    {
        _proofs.TryRemove((orderId, proofId), out _);
        return Task.CompletedTask;
    }
}
