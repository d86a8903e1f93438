using OrderConsole.Core.Drivers;
using OrderConsole.Core.Orders;

namespace OrderConsole.Core.Service;

/// <summary>Delivering: the supplier's proof rules are checked here, so no way of delivering can skip them.</summary>
public sealed partial class OrderService
{
    /// <summary>
    /// Marks an order delivered with <paramref name="proof"/> (null for none) and frees its driver. Refused with
    /// <see cref="ProofMissingException"/> when the order's supplier asks for a part the proof lacks.
    /// </summary>
    public async Task<Order> DeliverAsync(Actor actor, Guid orderId, DeliveryProof? proof, string? commandId = null, CancellationToken cancellationToken = default)
    {
        var order = await LoadVisibleAsync(actor, orderId, cancellationToken);
        await EnsureProofAsync(order, proof?.ReceiverName is not null, proof?.Photo == true, proof?.Signature == true, cancellationToken);
        return await ChangeAsync(actor, orderId, Delivery(proof), commandId, cancellationToken);
    }

    /// <summary>What the order's supplier asks a delivery to come with (nothing when the supplier is gone or asks nothing).</summary>
    public async Task<ProofRequirements> ProofRequiredForAsync(Order order, CancellationToken cancellationToken = default) =>
        (await store.ListSuppliersAsync(cancellationToken)).FirstOrDefault(supplier => supplier.Id == order.SupplierId)?.ProofRequired
        ?? ProofRequirements.None;

    /// <summary>Throws <see cref="ProofMissingException"/> when the order's supplier asks for a part not given.</summary>
    internal async Task EnsureProofAsync(Order order, bool hasReceiverName, bool hasPhoto, bool hasSignature, CancellationToken cancellationToken)
    {
        var required = await ProofRequiredForAsync(order, cancellationToken);
        required.Ensure(order.SupplierName, hasReceiverName, hasPhoto, hasSignature);
    }

    private OrderCommand Delivery(DeliveryProof? proof) =>
        new(
            OrderStatus.Delivered, order => OrderChanges.MoveTo(order, OrderStatus.Delivered, clock.GetUtcNow()) with { Proof = proof },
            order => order.DriverId is { } driverId ? [DriverAssignment.Release(driverId)] : []);
}
