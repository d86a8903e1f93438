namespace OrderConsole.Core.Orders;

/// <summary>
/// The one rule for a late order: its estimated arrival has passed and it is still open (not delivered,
/// cancelled or rejected). Orders without an estimate are never late.
/// </summary>
public static class OrderTiming
{
    public static bool IsLate(Order order, DateTimeOffset now) => Lateness(order, now) is not null;

    /// <summary>How long ago the estimated arrival passed, for a late order; null for any other.</summary>
    public static TimeSpan? Lateness(Order order, DateTimeOffset now) =>
        order.EstimatedArrival is { } eta && now > eta && !order.Status.IsFinal() ? now - eta : null;
}
