namespace OrderConsole.Core.Orders;

/// <summary>
/// One change of a batch was refused, so none of the batch was applied. <see cref="Index"/> is the change's
/// zero-based position in the batch (the message counts from 1, as people do); <see cref="Reason"/> is the
/// error the change would have met on its own.
/// </summary>
public sealed class BatchFailedException : OrderDomainException
{
    public BatchFailedException(int index, Guid? orderId, OrderStatus? from, OrderStatus? to, OrderDomainException reason)
        : base(Describe(index, orderId, from, to, reason.Message), reason)
    {
        Index = index;
        OrderId = orderId;
        Reason = reason;
    }

    public int Index { get; }

    public Guid? OrderId { get; }

    public OrderDomainException Reason { get; }

    /// <summary>
    /// "event 3 (order 1a2b3c4d… ready → preparing): order 1a2b3c4d… is ready; it cannot go to preparing", from
    /// already formatted parts (the Redis batch script builds the same words from these).
    /// </summary>
    public static string Describe(string number, string shortId, string from, string to, string reason) =>
        $"event {number} (order {shortId}… {from} → {to}): {reason}";

    private static string Describe(int index, Guid? orderId, OrderStatus? from, OrderStatus? to, string reason)
    {
        var number = (index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (orderId is not { } id)
        {
            return $"event {number}: {reason}";
        }

        var shortId = id.ToString("N")[..8];
        return (from, to) switch
        {
            ({ } before, { } after) => Describe(number, shortId, before.ToWireName(), after.ToWireName(), reason),
            (null, { } after) => $"event {number} (order {shortId}… → {after.ToWireName()}): {reason}",
            _ => $"event {number} (order {shortId}…): {reason}",
        };
    }
}
