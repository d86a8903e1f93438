using OrderConsole.Core.Orders;

namespace OrderConsole.Tracking;

/// <summary>When an order reached each stage of its lifecycle; stages not reached are left out on the wire.</summary>
public sealed record PublicStageTimes
{
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When the supplier accepted or, for a rejected order, rejected it.</summary>
    public DateTimeOffset? SupplierRespondedAt { get; init; }
    public DateTimeOffset? CustomerAcceptedAt { get; init; }
    public DateTimeOffset? PreparingAt { get; init; }
    public DateTimeOffset? ReadyAt { get; init; }
    public DateTimeOffset? DispatchedAt { get; init; }
    public DateTimeOffset? InTransitAt { get; init; }
    public DateTimeOffset? DeliveredAt { get; init; }
    public DateTimeOffset? CancelledAt { get; init; }

    public static PublicStageTimes Of(Order order) => new()
    {
        CreatedAt = order.CreatedAt,
        SupplierRespondedAt = order.SupplierRespondedAt,
        CustomerAcceptedAt = order.CustomerAcceptedAt,
        PreparingAt = order.PreparingAt,
        ReadyAt = order.ReadyAt,
        DispatchedAt = order.DispatchedAt,
        InTransitAt = order.InTransitAt,
        DeliveredAt = order.DeliveredAt,
        CancelledAt = order.CancelledAt,
    };
}
