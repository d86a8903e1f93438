using OrderConsole.Core.Orders;

namespace OrderConsole.Core.Live;

/// <summary>
/// The totals of <see cref="MarketState"/>: one flat count per status as the seed names them, and the same counts
/// in <see cref="ByStatus"/> (every status, zeros included).
/// </summary>
public sealed record MarketStatistics
{
    public required long TotalOrders { get; init; }
    public required long ActiveDeliveries { get; init; }
    public required int CompletedToday { get; init; }
    public required long PendingSupplier { get; init; }
    public required long SupplierAccepted { get; init; }
    public required long SupplierRejected { get; init; }
    public required long CustomerAccepted { get; init; }
    public required long Preparing { get; init; }
    public required long Ready { get; init; }
    public required long Dispatched { get; init; }
    public required long InTransit { get; init; }
    public required long Delivered { get; init; }
    public required long Cancelled { get; init; }
    public required IReadOnlyDictionary<OrderStatus, long> ByStatus { get; init; }

    /// <summary>The statistics of the store's exact <paramref name="counts"/>.</summary>
    public static MarketStatistics From(IReadOnlyDictionary<OrderStatus, long> counts, int completedToday) => new()
    {
        TotalOrders = counts.Values.Sum(),
        ActiveDeliveries = counts.GetValueOrDefault(OrderStatus.Dispatched) + counts.GetValueOrDefault(OrderStatus.InTransit),
        CompletedToday = completedToday,
        PendingSupplier = counts.GetValueOrDefault(OrderStatus.PendingSupplier),
        SupplierAccepted = counts.GetValueOrDefault(OrderStatus.SupplierAccepted),
        SupplierRejected = counts.GetValueOrDefault(OrderStatus.SupplierRejected),
        CustomerAccepted = counts.GetValueOrDefault(OrderStatus.CustomerAccepted),
        Preparing = counts.GetValueOrDefault(OrderStatus.Preparing),
        Ready = counts.GetValueOrDefault(OrderStatus.Ready),
        Dispatched = counts.GetValueOrDefault(OrderStatus.Dispatched),
        InTransit = counts.GetValueOrDefault(OrderStatus.InTransit),
        Delivered = counts.GetValueOrDefault(OrderStatus.Delivered),
        Cancelled = counts.GetValueOrDefault(OrderStatus.Cancelled),
        ByStatus = OrderStatusNames.All.ToDictionary(status => status, counts.GetValueOrDefault),
    };
}
