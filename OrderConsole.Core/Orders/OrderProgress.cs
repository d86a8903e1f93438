namespace OrderConsole.Core.Orders;

/// <summary>
/// How far an order has come, as people read it: its lifecycle steps and its delivery progress. The staff
/// tracker and the public tracking page both show exactly this.
/// </summary>
public static class OrderProgress
{
    private static readonly (OrderStatus Status, string Label, Func<Order, DateTimeOffset?> At)[] s_path =
    [
        (OrderStatus.PendingSupplier, "Created", order => order.CreatedAt),
        (OrderStatus.SupplierAccepted, "Supplier accepted", order => order.SupplierRespondedAt),
        (OrderStatus.CustomerAccepted, "Customer accepted", order => order.CustomerAcceptedAt),
        (OrderStatus.Preparing, "Preparing", order => order.PreparingAt),
        (OrderStatus.Ready, "Ready", order => order.ReadyAt),
        (OrderStatus.Dispatched, "Dispatched", order => order.DispatchedAt),
        (OrderStatus.InTransit, "In transit", order => order.InTransitAt),
        (OrderStatus.Delivered, "Delivered", order => order.DeliveredAt),
    ];

    /// <summary>The delivery progress of an order in <paramref name="status"/>, in percent: 0 until dispatch, then 33 / 66 / 100.</summary>
    public static int DeliveryPercentage(OrderStatus status) => status switch
    {
        OrderStatus.Dispatched => 33,
        OrderStatus.InTransit => 66,
        OrderStatus.Delivered => 100,
        _ => 0,
    };

    /// <summary>True once a driver has been put on the order: it has a delivery to follow.</summary>
    public static bool HasDelivery(Order order) => DeliveryPercentage(order.Status) > 0;

    /// <summary>
    /// The steps to show for <paramref name="order"/>, in order: done, current, to come. A rejected or cancelled
    /// order ends at the step where it stopped.
    /// </summary>
    public static IReadOnlyList<LifecycleStep> Steps(Order order)
    {
        if (order.Status == OrderStatus.SupplierRejected)
        {
            // The supplier's response was the rejection itself, so only creation came before it.
            return
            [
                new(OrderStatus.PendingSupplier, s_path[0].Label, LifecycleStepState.Done, order.CreatedAt),
                new(OrderStatus.SupplierRejected, "Rejected", LifecycleStepState.Stopped, order.SupplierRespondedAt),
            ];
        }

        if (order.Status == OrderStatus.Cancelled)
        {
            // The steps the order reached, then the step where it stopped.
            var reached = s_path.Where(stage => stage.At(order) is not null)
                .Select(stage => new LifecycleStep(stage.Status, stage.Label, LifecycleStepState.Done, stage.At(order)));
            return [.. reached, new(OrderStatus.Cancelled, "Cancelled", LifecycleStepState.Stopped, order.CancelledAt)];
        }

        var current = Array.FindIndex(s_path, stage => stage.Status == order.Status);
        return
        [
            .. s_path.Select((stage, index) => new LifecycleStep(
                stage.Status,
                stage.Label,
                index < current ? LifecycleStepState.Done : index == current ? LifecycleStepState.Current : LifecycleStepState.Upcoming,
                index <= current ? stage.At(order) : null)),
        ];
    }
}
