using System.Text.Json.Serialization;
using OrderConsole.Core.Events;
using OrderConsole.Core.Orders;

namespace OrderConsole.Api;

/// <summary>
/// <c>POST /api/orders</c>: a supplier by id or name, and either one pizza with its price or a list of items.
/// The markup defaults to the marketplace's standard markup.
/// </summary>
public sealed record CreateOrderRequest
{
    public string? SupplierId { get; init; }
    public string? SupplierName { get; init; }
    public string? PizzaName { get; init; }
    public decimal? SupplierPrice { get; init; }
    public decimal? MarkupPercentage { get; init; }
    public IReadOnlyList<OrderItemRequest>? Items { get; init; }
}

/// <summary>One item of a new order; the quantity defaults to one.</summary>
public sealed record OrderItemRequest(string? Name, int? Quantity, decimal? UnitPrice);

/// <summary>A page of orders, newest change first; pass <see cref="NextCursor"/> back for the next page.</summary>
public sealed record OrderPage(IReadOnlyList<Order> Orders, int Count, string? NextCursor);

/// <summary>
/// <c>GET /api/orders/{id}/delivery</c>: where a dispatched order's delivery stands. The seed's names
/// (<c>driver_name</c>, <c>driver_phone</c>, <c>timeline {dispatched_at, in_transit_at, delivered_at}</c>) sit beside
/// the richer ones: the <c>driver</c> object and the order's <c>history</c>.
/// </summary>
public sealed record DeliveryView
{
    public required Guid OrderId { get; init; }
    public required string TrackingId { get; init; }
    public required OrderStatus CurrentStatus { get; init; }
    public required int ProgressPercentage { get; init; }

    // Seed clients read these keys unconditionally: they are written even when unknown.
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? DriverName { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? DriverPhone { get; init; }
    public DeliveryDriver? Driver { get; init; }
    public DateTimeOffset? EstimatedArrival { get; init; }
    public DateTimeOffset? DispatchedAt { get; init; }
    public DateTimeOffset? InTransitAt { get; init; }
    public DateTimeOffset? DeliveredAt { get; init; }
    public required DeliveryTimeline Timeline { get; init; }
    public required IReadOnlyList<TimelineEntry> History { get; init; }

    public static DeliveryView From(Order order, IEnumerable<OrderEvent> history) => new()
    {
        OrderId = order.Id,
        TrackingId = order.TrackingId,
        CurrentStatus = order.Status,
        ProgressPercentage = OrderProgress.DeliveryPercentage(order.Status),
        DriverName = order.DriverName,
        DriverPhone = order.DriverPhone,
        Driver = order.DriverId is { } driverId ? new DeliveryDriver(driverId, order.DriverName, order.DriverPhone) : null,
        EstimatedArrival = order.EstimatedArrival,
        DispatchedAt = order.DispatchedAt,
        InTransitAt = order.InTransitAt,
        DeliveredAt = order.DeliveredAt,
        Timeline = new DeliveryTimeline(order.DispatchedAt, order.InTransitAt, order.DeliveredAt),
        History = [.. history.Where(change => change.Order is not null).Select(change => new TimelineEntry(change.EventType, change.Order!.Status, change.Timestamp, change.Actor))],
    };
}

/// <summary>The driver on a delivery.</summary>
public sealed record DeliveryDriver(string Id, string? Name, string? Phone);

/// <summary>The seed's delivery timeline: when each delivery stage was reached, <c>null</c> until it is.</summary>
public sealed record DeliveryTimeline(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] DateTimeOffset? DispatchedAt,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] DateTimeOffset? InTransitAt,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] DateTimeOffset? DeliveredAt);

/// <summary>One step of an order's history: what happened, the status it left, when, and who did it.</summary>
public sealed record TimelineEntry(string EventType, OrderStatus Status, DateTimeOffset Timestamp, string Actor);
