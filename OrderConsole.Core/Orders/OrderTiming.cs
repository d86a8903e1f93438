namespace OrderConsole.Core.Orders;

/// <summary>
/// The one rule for a late order: it is still open (not delivered, cancelled or rejected) and its estimated arrival
/// passed more than the marketplace's late threshold ago. How late it is counts from the estimate itself, so an order
/// with a ten-minute threshold turns late "by 11 min". Orders without an estimate are never late.
/// </summary>
public static class OrderTiming
{
    public static bool IsLate(Order order, DateTimeOffset now, TimeSpan threshold) => Lateness(order, now, threshold) is not null;

    /// <summary>How long ago the estimated arrival passed, for a late order; null for any other.</summary>
    public static TimeSpan? Lateness(Order order, DateTimeOffset now, TimeSpan threshold) =>
        order.EstimatedArrival is { } eta && now - eta > threshold && !order.Status.IsFinal() ? now - eta : null;
}
