using OrderConsole.Core.Drivers;
using OrderConsole.Core.Events;
using OrderConsole.Core.Orders;

namespace OrderConsole.Tracking;

/// <summary>
/// What anyone holding an order's tracking code may see: where the order is, what was ordered from whom, when each
/// stage happened, the ETA, the driver's first name and, while in transit, their position. The public API, the
/// public page and its live stream all show exactly this, so <see cref="From"/> is the one place that decides it.
/// </summary>
/// <remarks>
/// Never here: the customer's name, phone or address, the driver's phone or surname, prices, free-text notes,
/// reasons and feedback comments (people write personal details into them), who made each change, the receiver's
/// name and the proof-of-delivery images (only the receiver's initial), the order's internal id, and the
/// tracking token (the link itself is the secret).
/// </remarks>
public sealed record PublicOrderView
{
    public required string TrackingId { get; init; }
    public required string SupplierTrackingId { get; init; }
    public required OrderStatus Status { get; init; }

    /// <summary>The status in a customer's words ("On the way").</summary>
    public required string StatusText { get; init; }

    /// <summary>True once the order changes no more (delivered, rejected, cancelled): a live stream ends with it.</summary>
    public required bool Final { get; init; }
    public required string SupplierName { get; init; }
    public required IReadOnlyList<PublicOrderItem> Items { get; init; }
    public required PublicStageTimes StageTimes { get; init; }

    /// <summary>The lifecycle as a stepper, as the staff tracker shows it.</summary>
    public required IReadOnlyList<LifecycleStep> Steps { get; init; }

    /// <summary>0 until dispatch, then 33 / 66 / 100 for dispatched, in transit, delivered.</summary>
    public required int ProgressPercentage { get; init; }
    public DateTimeOffset? EstimatedArrival { get; init; }
    public string? DriverFirstName { get; init; }

    /// <summary>Where the driver last reported being; only while the order is in transit.</summary>
    public DriverPosition? DriverPosition { get; init; }

    /// <summary>What happened and when, from the order's own history; never who did it.</summary>
    public required IReadOnlyList<PublicTimelineEntry> Timeline { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }
    public required long Version { get; init; }

    /// <summary>True for a delivered order not rated yet: the page asks for feedback.</summary>
    public bool FeedbackWelcome { get; init; }

    /// <summary>The stars the customer gave, once they did (never the comment: free text stays with staff).</summary>
    public int? FeedbackStars { get; init; }

    /// <summary>"J.": the first initial of whoever took a delivered order, when the driver recorded a name (never the name, never the images).</summary>
    public string? SignedBy { get; init; }

    /// <summary>
    /// The public view of <paramref name="order"/>. <paramref name="driver"/> gives the position, shown only while
    /// the order is in transit and the driver is on this order; <paramref name="history"/> gives the timeline.
    /// </summary>
    public static PublicOrderView From(Order order, Driver? driver, IReadOnlyList<OrderEvent> history) => new()
    {
        TrackingId = order.TrackingId,
        SupplierTrackingId = order.SupplierTrackingId,
        Status = order.Status,
        StatusText = StatusTextOf(order.Status),
        Final = order.Status.IsFinal(),
        SupplierName = order.SupplierName,
        Items = [.. order.Items.Select(item => new PublicOrderItem(item.Name, item.Quantity))],
        StageTimes = PublicStageTimes.Of(order),
        Steps = OrderProgress.Steps(order),
        ProgressPercentage = OrderProgress.DeliveryPercentage(order.Status),
        EstimatedArrival = order.Status.IsFinal() ? null : order.EstimatedArrival,
        DriverFirstName = FirstName(order.DriverName),
        DriverPosition = PositionWhileInTransit(order, driver),
        Timeline = PublicTimeline.Of(history),
        UpdatedAt = order.UpdatedAt,
        Version = order.Version,
        FeedbackWelcome = order is { Status: OrderStatus.Delivered, Feedback: null },
        FeedbackStars = order.Feedback?.Stars,
        SignedBy = order.Status == OrderStatus.Delivered ? order.Proof?.ReceiverInitial : null,
    };

    /// <summary>"Ana" from "Ana Lopez": enough to greet the driver at the door, not enough to find them.</summary>
    public static string? FirstName(string? name) =>
        name?.Trim().Split(' ', 2, StringSplitOptions.RemoveEmptyEntries) is [var first, ..] ? first : null;

    private static DriverPosition? PositionWhileInTransit(Order order, Driver? driver) =>
        order.Status == OrderStatus.InTransit
        && driver is { Latitude: { } latitude, Longitude: { } longitude }
        && driver.Id == order.DriverId
        && (driver.OrderId is null || driver.OrderId == order.Id)
            ? new DriverPosition(latitude, longitude, driver.LocationUpdatedAt)
            : null;

    private static string StatusTextOf(OrderStatus status) => status switch
    {
        OrderStatus.PendingSupplier => "Waiting for the supplier",
        OrderStatus.SupplierAccepted => "Accepted by the supplier",
        OrderStatus.SupplierRejected => "Not accepted by the supplier",
        OrderStatus.CustomerAccepted => "Confirmed",
        OrderStatus.Preparing => "Being prepared",
        OrderStatus.Ready => "Ready for pickup",
        OrderStatus.Dispatched => "Driver assigned",
        OrderStatus.InTransit => "On the way",
        OrderStatus.Delivered => "Delivered",
        OrderStatus.Cancelled => "Cancelled",
        _ => status.ToDisplayName(),
    };
}

/// <summary>One line of what was ordered, without its price.</summary>
public sealed record PublicOrderItem(string Name, int Quantity);

/// <summary>Where a driver last reported being, and when.</summary>
public sealed record DriverPosition(double Latitude, double Longitude, DateTimeOffset? UpdatedAt);
