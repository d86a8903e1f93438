using OrderConsole.Core.Live;
using OrderConsole.Core.Orders;

namespace OrderConsole.Components.Controls;

/// <summary>
/// Says why a move was refused in the words of the screen: the order's code, human status names and, from the
/// read model, who changed it last ("LUI-7 was just dispatched with Ana Lopez by dispatcher; it can no longer be
/// dispatched"). The domain's own message (with its wire names, for the API) is left to the API.
/// </summary>
public sealed class RefusalWords(LiveOrders live)
{
    public string Describe(IllegalTransitionException refused) =>
        $"{Changed(refused.OrderId, refused.Current)}; it can no longer be {refused.Requested.ToDisplayName()}.";

    /// <summary>"Ana Lopez is busy; choose an available driver" when the change needed a driver who was not available; null otherwise.</summary>
    public static string? DescribeUnavailableDriver(OrderConflictException conflict) =>
        conflict.UnavailableDriver is { } driver ? $"{driver} is {conflict.DriverStatus ?? "not available"}; choose an available driver" : null;

    /// <summary>A refusal because someone else changed the order first.</summary>
    public string DescribeConflict(Guid? orderId, OrderStatus? current) =>
        orderId is { } id && (current ?? live.Find(id)?.Status) is { } status
            ? $"{Changed(id, status)}. Look at it again before you change it."
            : "Someone else changed this order a moment ago. Look at it again before you change it.";

    private string Changed(Guid orderId, OrderStatus current)
    {
        var order = live.Find(orderId);
        var code = order is { SupplierTrackingId.Length: > 0 } ? order.SupplierTrackingId : "This order";
        var with = current is OrderStatus.Dispatched or OrderStatus.InTransit && order?.DriverName is { } driver ? $" with {driver}" : string.Empty;
        var by = live.RecentEvents().FirstOrDefault(change => change.OrderId == orderId)?.Actor is { } actor ? $" by {actor}" : string.Empty;
        return $"{code} was just {current.ToDisplayName()}{with}{by}";
    }
}
