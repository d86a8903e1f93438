using OrderConsole.Core.Events;

namespace OrderConsole.Hubs;

/// <summary>The names of the hub's rooms (SignalR groups): one per order, per supplier, per driver.</summary>
public static class HubRooms
{
    public static string Order(Guid orderId) => $"order:{orderId:N}";

    public static string Supplier(string supplierId) => $"supplier:{supplierId}";

    public static string Driver(string driverId) => $"driver:{driverId}";

    /// <summary>The rooms an event concerns: its order's, the order's supplier's and its driver's.</summary>
    public static IReadOnlyList<string> For(OrderEvent change)
    {
        if (change.Order is not { } order)
        {
            return [];
        }

        List<string> rooms = [Order(order.Id), Supplier(order.SupplierId)];
        if (order.DriverId is { } driverId)
        {
            rooms.Add(Driver(driverId));
        }

        return rooms;
    }
}
