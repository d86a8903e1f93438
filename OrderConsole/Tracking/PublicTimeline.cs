using OrderConsole.Core.Events;
using OrderConsole.Core.Orders;

namespace OrderConsole.Tracking;

/// <summary>One moment of an order's public timeline: when, which status it reached, and what happened in plain words.</summary>
public sealed record PublicTimelineEntry(DateTimeOffset At, OrderStatus Status, string Description);

/// <summary>
/// An order's history told to the public: what happened and when, never who did it, and none of the free text
/// (notes, reasons) people write into changes.
/// </summary>
public static class PublicTimeline
{
    /// <summary>The order's events, oldest first, as timeline entries; events that are not order changes are left out.</summary>
    public static IReadOnlyList<PublicTimelineEntry> Of(IReadOnlyList<OrderEvent> history) =>
    [
        .. history
            .Where(change => change.Order is not null)
            .Select(change => Describe(change, change.Order!) is { } description
                ? new PublicTimelineEntry(change.Timestamp, change.Order!.Status, description)
                : null)
            .OfType<PublicTimelineEntry>(),
    ];

    private static string? Describe(OrderEvent change, Order order)
    {
        if (change.EventType == OrderEventTypes.Created)
        {
            return $"Order placed with {order.SupplierName}";
        }

        if (change.EventType == OrderEventTypes.Reassigned)
        {
            return PublicOrderView.FirstName(order.DriverName) is { } driver ? $"Now {driver} will deliver it" : "Another driver will deliver it";
        }

        if (change.EventType == OrderEventTypes.FeedbackGiven)
        {
            return order.Feedback is { } feedback ? $"Rated {feedback.Stars} of 5" : null;
        }

        if (change.EventType != OrderEventTypes.ForStatus(order.Status))
        {
            // Not a move to the status the snapshot shows (e.g. a rolled-back batch): nothing the customer did or saw.
            return null;
        }

        return order.Status switch
        {
            OrderStatus.SupplierAccepted => order.EstimatedDeliveryTime is { } minutes
                ? $"{order.SupplierName} accepted the order, delivery in about {minutes} min"
                : $"{order.SupplierName} accepted the order",
            OrderStatus.SupplierRejected => $"{order.SupplierName} could not take the order",
            OrderStatus.CustomerAccepted => "Order confirmed",
            OrderStatus.Preparing => "Being prepared",
            OrderStatus.Ready => "Ready for pickup",
            OrderStatus.Dispatched => PublicOrderView.FirstName(order.DriverName) is { } driver
                ? $"{driver} will deliver it"
                : "A driver will deliver it",
            OrderStatus.InTransit => "On the way",
            OrderStatus.Delivered => order.Proof?.ReceiverInitial is { } initial ? $"Delivered · signed by {initial}" : "Delivered",
            OrderStatus.Cancelled => "Cancelled",
            _ => null,
        };
    }
}
