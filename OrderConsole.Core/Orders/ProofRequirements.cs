namespace OrderConsole.Core.Orders;

/// <summary>Which parts of a proof of delivery a supplier asks for; none by default, so delivering needs nothing more.</summary>
public sealed record ProofRequirements(bool Photo = false, bool Signature = false, bool ReceiverName = false)
{
    public static ProofRequirements None { get; } = new();

    public bool Any => Photo || Signature || ReceiverName;

    /// <summary>
    /// Throws <see cref="ProofMissingException"/> naming the first missing part, in the order the phone page shows them
    /// (receiver's name, photo, signature); <paramref name="supplierName"/> says whose rule it is.
    /// </summary>
    public void Ensure(string supplierName, bool hasReceiverName, bool hasPhoto, bool hasSignature)
    {
        if (ReceiverName && !hasReceiverName)
        {
            throw new ProofMissingException("receiver_name", $"{supplierName} asks for the name of the person who took the order; enter it");
        }

        if (Photo && !hasPhoto)
        {
            throw new ProofMissingException("photo", $"{supplierName} asks for a photo of the delivery; take or choose one");
        }

        if (Signature && !hasSignature)
        {
            throw new ProofMissingException("signature", $"{supplierName} asks for the receiver's signature; have them sign on the screen");
        }
    }

    /// <summary>The parts asked for in words ("photo and signature"), or null when none is.</summary>
    public string? Words()
    {
        string[] parts = [.. new[] { (ReceiverName, "receiver's name"), (Photo, "photo"), (Signature, "signature") }
            .Where(part => part.Item1).Select(part => part.Item2)];
        return parts switch
        {
            [] => null,
            [var one] => one,
            _ => $"{string.Join(", ", parts[..^1])} and {parts[^1]}",
        };
    }
}

/// <summary>A delivery lacks a part of the proof its supplier asks for; <see cref="Field"/> names that part's field.</summary>
public sealed class ProofMissingException(string field, string message) : OrderDomainException(message)
{
    public string Field { get; } = field;
}
