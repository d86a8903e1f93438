namespace OrderConsole.Core.Orders;

/// <summary>Which orders a person may see and act on: suppliers their own supplier's, drivers their own deliveries, customers open offers and their own orders.</summary>
public static class OrderAccess
{
    public static bool CanSee(Actor actor, Order order) => actor.Role switch
    {
        Role.Supplier => actor.SupplierId == order.SupplierId,
        Role.Driver => actor.DriverId is not null && actor.DriverId == order.DriverId,
        Role.Customer => order.Status == OrderStatus.SupplierAccepted || (order.CustomerId is not null && order.CustomerId == actor.Name),
        _ => true,
    };

    public static void EnsureOwnOrder(Actor actor, Order order)
    {
        if (actor.Role == Role.Supplier && actor.SupplierId != order.SupplierId)
        {
            throw new ForbiddenOrderActionException($"order {order.ShortId}… belongs to another supplier");
        }

        if (actor.Role == Role.Driver && (actor.DriverId is null || actor.DriverId != order.DriverId))
        {
            throw new ForbiddenOrderActionException($"order {order.ShortId}… is not assigned to you");
        }

        if (actor.Role == Role.Customer && order.CustomerId is not null && order.CustomerId != actor.Name)
        {
            throw new ForbiddenOrderActionException($"order {order.ShortId}… belongs to another customer");
        }
    }
}
