namespace OrderConsole.Core.Orders;

/// <summary>How far a delivery has come, the one rule behind every progress bar and the delivery API.</summary>
public static class DeliveryStages
{
    /// <summary>0 until dispatch, then 33 / 66 / 100 for dispatched, in transit, delivered.</summary>
    public static int ProgressPercentage(OrderStatus status) => status switch
    {
        OrderStatus.Dispatched => 33,
        OrderStatus.InTransit => 66,
        OrderStatus.Delivered => 100,
        _ => 0,
    };

    /// <summary>True once a driver has been put on the order: the order has a delivery to follow.</summary>
    public static bool HasDelivery(Order order) =>
        order.Status is OrderStatus.Dispatched or OrderStatus.InTransit or OrderStatus.Delivered;
}
