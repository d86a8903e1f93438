using Microsoft.AspNetCore.SignalR;
using OrderConsole.Core.Events;
using OrderConsole.Core.Orders;

namespace OrderConsole.Hubs.Relay;

/// <summary>Sends one feed event to the hub rooms it concerns: <c>OrderChanged</c> to each, <c>Assigned</c> to the driver it was put on.</summary>
public sealed class OrderRelay(IHubContext<OrdersHub, IOrdersClient> hub)
{
    public async Task RelayAsync(OrderEvent change)
    {
        if (change.Order is not { } order)
        {
            return;
        }

        foreach (var room in HubRooms.For(change))
        {
            // One send per room, each marked on its own, so a takeover repeats none and misses none.
            using (RelayScope.Begin(change.EventId, "changed"))
            {
                await hub.Clients.Group(room).OrderChanged(change);
            }
        }

        var assigned = change.EventType == OrderEventTypes.Reassigned || change.EventType == OrderEventTypes.ForStatus(OrderStatus.Dispatched);
        if (assigned && order.DriverId is { } driverId)
        {
            using (RelayScope.Begin(change.EventId, "assigned"))
            {
                await hub.Clients.Group(HubRooms.Driver(driverId)).Assigned(order);
            }
        }
    }
}
