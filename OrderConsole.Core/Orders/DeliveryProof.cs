namespace OrderConsole.Core.Orders;

/// <summary>
/// What the driver handed over as proof of a delivery: the receiver's name and whether a photo and a signature were
/// kept. The images themselves live in the proof store under <see cref="Id"/>; the order only refers to them.
/// </summary>
public sealed record DeliveryProof(string Id, string? ReceiverName, bool Photo, bool Signature, DateTimeOffset RecordedAt)
{
    public const int MaxReceiverNameLength = 100;

    /// <summary>"J." from "Jane Doe": all the public page may say about who took the order.</summary>
    public string? ReceiverInitial =>
        ReceiverName?.Trim() is { Length: > 0 } name ? $"{char.ToUpperInvariant(name[0])}." : null;

    /// <summary>Whether anything at all was handed over.</summary>
    public bool Any => Photo || Signature || ReceiverName is not null;
}
