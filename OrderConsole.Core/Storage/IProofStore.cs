namespace OrderConsole.Core.Storage;

/// <summary>
/// Where proof-of-delivery images are kept: each proof under its order and its own id, so a delivery attempt that was
/// refused removes only what it stored itself, never the proof of the delivery that won.
/// </summary>
public interface IProofStore
{
    /// <summary>Keeps the images of one proof; throws <see cref="ProofStorageFullException"/> when they do not fit.</summary>
    Task SaveAsync(Guid orderId, string proofId, ProofImagesToKeep images, CancellationToken cancellationToken = default);

    /// <summary>One image of a proof, or null when it was never kept.</summary>
    Task<byte[]?> ReadAsync(Guid orderId, string proofId, ProofPart part, CancellationToken cancellationToken = default);

    /// <summary>Removes a proof's images; nothing happens when there are none.</summary>
    Task DeleteAsync(Guid orderId, string proofId, CancellationToken cancellationToken = default);
}

/// <summary>The two images a proof may have; either may be missing.</summary>
public enum ProofPart
{
    Photo,
    Signature,
}

/// <summary>The re-encoded images of one proof (JPEG photo, PNG signature).</summary>
public sealed record ProofImagesToKeep(byte[]? Photo, byte[]? Signature)
{
    public byte[]? Of(ProofPart part) => part == ProofPart.Photo ? Photo : Signature;

    public long Bytes => (Photo?.LongLength ?? 0) + (Signature?.LongLength ?? 0);
}

/// <summary>The proof store has no room for more images; an operator frees or grants room (<c>Proof:MaxTotalMB</c>).</summary>
public sealed class ProofStorageFullException(long capBytes)
    : Orders.OrderDomainException($"proof-of-delivery storage is full (its limit is {capBytes / (1024 * 1024)} MB); ask an admin to raise Proof:MaxTotalMB, then deliver again")
{
    public long CapBytes { get; } = capBytes;
}
