namespace OrderConsole.Core.Orders;

/// <summary>
/// One order as it stands after its latest change. Immutable: every change makes a new snapshot
/// with <see cref="Version"/> one higher (see <see cref="OrderChanges"/>).
/// </summary>
public sealed record Order
{
    public required Guid Id { get; init; }
    public required string TrackingId { get; init; }
    public required string TrackingToken { get; init; }
    public string SupplierTrackingId { get; init; } = string.Empty;
    public required string SupplierId { get; init; }
    public required string SupplierName { get; init; }

    /// <summary>What was ordered, in the order given; never empty for an order made by <see cref="OrderChanges.Create"/>.</summary>
    public IReadOnlyList<OrderItem> Items { get; init; } = [];
    public required decimal SupplierPrice { get; init; }
    public decimal MarkupPercentage { get; init; } = Pricing.DefaultMarkupPercentage;
    public decimal? CustomerPrice { get; init; }
    public OrderStatus Status { get; init; } = OrderStatus.PendingSupplier;

    /// <summary>The user who accepted the offer; their own orders are the ones with their id.</summary>
    public string? CustomerId { get; init; }
    public string? CustomerName { get; init; }
    public string? CustomerPhone { get; init; }
    public string? DeliveryAddress { get; init; }

    /// <summary>Where the delivery goes, when the customer gave coordinates: the per-km delivery fee is charged on it.</summary>
    public double? DeliveryLatitude { get; init; }
    public double? DeliveryLongitude { get; init; }

    /// <summary>The price line by line as the customer accepted it (null before acceptance).</summary>
    public OrderCharges? Charges { get; init; }

    /// <summary>The supplier's stock this order took at acceptance; given back if it is cancelled.</summary>
    public IReadOnlyList<StockReservation> ReservedStock { get; init; } = [];

    public string? DriverId { get; init; }
    public string? DriverName { get; init; }
    public string? DriverPhone { get; init; }

    /// <summary>Minutes from the supplier's acceptance to delivery, as the supplier promised.</summary>
    public int? EstimatedDeliveryTime { get; init; }
    public string? SupplierNotes { get; init; }
    public string? RejectionReason { get; init; }
    public string? CancellationReason { get; init; }

    /// <summary>The customer's rating of a delivered order, once they gave it.</summary>
    public CustomerFeedback? Feedback { get; init; }

    /// <summary>The proof of delivery the driver recorded, when they recorded any.</summary>
    public DeliveryProof? Proof { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? SupplierRespondedAt { get; init; }
    public DateTimeOffset? CustomerAcceptedAt { get; init; }
    public DateTimeOffset? PreparingAt { get; init; }
    public DateTimeOffset? ReadyAt { get; init; }
    public DateTimeOffset? DispatchedAt { get; init; }
    public DateTimeOffset? InTransitAt { get; init; }
    public DateTimeOffset? DeliveredAt { get; init; }
    public DateTimeOffset? CancelledAt { get; init; }

    /// <summary>When the SLA watcher found the predicted arrival past the estimate (<c>order.at_risk</c>); set once.</summary>
    public DateTimeOffset? AtRiskAt { get; init; }

    /// <summary>The arrival the SLA watcher predicted when it flagged the order at risk.</summary>
    public DateTimeOffset? PredictedArrival { get; init; }

    /// <summary>When the SLA watcher found the order late (<c>order.late</c>); set once.</summary>
    public DateTimeOffset? LateAt { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>1 at creation, incremented by every change; the optimistic-concurrency token.</summary>
    public long Version { get; init; } = 1;

    /// <summary>When the supplier's promised delivery time runs out, if they gave one.</summary>
    public DateTimeOffset? EstimatedArrival =>
        EstimatedDeliveryTime is { } minutes && SupplierRespondedAt is { } from ? from.AddMinutes(minutes) : null;

    /// <summary>
    /// The seed's single-item alias <c>pizza_name</c>, written on the wire and never read back: the one item's name
    /// for a seed order, the whole compact list ("2× Margherita, Tiramisu") for any other, never just the first item.
    /// </summary>
    public string PizzaName => OrderItem.Summary(Items);

    /// <summary>A short form of the id for messages: the first eight hex digits.</summary>
    public string ShortId => Id.ToString("N")[..8];
}
