using OrderConsole.Core.Orders;
using OrderConsole.Core.Proof;
using OrderConsole.Core.Storage;

namespace OrderConsole.Core.Service;

/// <summary>
/// Delivering with proof (photo, signature, receiver's name) and reading the proof back, for staff who may see the order.
/// </summary>
/// <remarks>
/// Delivery and proof stay consistent this way: everything is checked first (who may deliver, whether the order can
/// be delivered now, what the supplier asks for, whether the files are images), then the images are stored under a
/// new proof id, then the delivery is applied referring to that id. If the delivery is refused after all (someone
/// else was quicker), the images stored for it are removed; as they are stored under their own id, that never
/// touches the proof of the delivery that won. Images no order refers to are never served.
/// </remarks>
public sealed class ProofOfDelivery(OrderService orders, IProofStore proofs, TimeProvider clock)
{
    public const string ReceiverNameField = "receiver_name";

    /// <summary>Marks the order delivered with the proof given; nothing is stored when it is refused.</summary>
    public async Task<Order> DeliverAsync(Actor actor, Guid orderId, ProofUpload upload, string? commandId = null, CancellationToken cancellationToken = default)
    {
        var order = await orders.GetAsync(actor, orderId, cancellationToken);
        OrderTransitions.EnsurePermitted(actor, order, OrderStatus.Delivered);
        var receiver = ReceiverName(upload.ReceiverName);
        await orders.EnsureProofAsync(order, receiver is not null, upload.Photo is { Length: > 0 }, upload.Signature is { Length: > 0 }, cancellationToken);

        var images = new ProofImagesToKeep(
            upload.Photo is { Length: > 0 } photo ? ProofImages.Photo(photo) : null,
            upload.Signature is { Length: > 0 } signature ? ProofImages.Signature(signature) : null);
        var proof = new DeliveryProof(Guid.NewGuid().ToString("N"), receiver, images.Photo is not null, images.Signature is not null, clock.GetUtcNow());
        if (!proof.Any)
        {
            return await orders.DeliverAsync(actor, orderId, proof: null, commandId, cancellationToken);
        }

        if (images.Bytes > 0)
        {
            await proofs.SaveAsync(orderId, proof.Id, images, cancellationToken);
        }

        try
        {
            return await orders.DeliverAsync(actor, orderId, proof, commandId, cancellationToken);
        }
        catch
        {
            if (images.Bytes > 0)
            {
                await proofs.DeleteAsync(orderId, proof.Id, CancellationToken.None);
            }

            throw;
        }
    }

    /// <summary>
    /// One image of a delivered order's proof, for staff who may see the order (admins, dispatchers, the supplier's own
    /// users and the order's driver; never customers); null when the order has no such image.
    /// </summary>
    public async Task<byte[]?> ReadAsync(Actor actor, Guid orderId, ProofPart part, CancellationToken cancellationToken = default)
    {
        if (actor.Role == Role.Customer)
        {
            throw new ForbiddenOrderActionException("proof of delivery is shown to staff only");
        }

        var order = await orders.GetAsync(actor, orderId, cancellationToken);
        if (order.Proof is not { } proof || !(part == ProofPart.Photo ? proof.Photo : proof.Signature))
        {
            return null;
        }

        return await proofs.ReadAsync(orderId, proof.Id, part, cancellationToken);
    }

    /// <summary>The receiver's name trimmed, null when blank; at most 100 characters.</summary>
    private static string? ReceiverName(string? name)
    {
        var trimmed = string.IsNullOrWhiteSpace(name) ? null : name.Trim();
        return trimmed is { Length: > DeliveryProof.MaxReceiverNameLength }
            ? throw new OrderValidationException(ReceiverNameField, $"Keep the receiver's name to {DeliveryProof.MaxReceiverNameLength} characters")
            : trimmed;
    }
}

/// <summary>What a driver hands in when delivering: any of the receiver's name, a photo and a signature, as uploaded.</summary>
public sealed record ProofUpload(string? ReceiverName, byte[]? Photo, byte[]? Signature);
