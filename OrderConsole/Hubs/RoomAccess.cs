using Microsoft.AspNetCore.SignalR;
using OrderConsole.Core.Orders;
using OrderConsole.Core.Storage;

namespace OrderConsole.Hubs;

/// <summary>
/// Who may join which room: the pages' visibility rules (<see cref="OrderAccess"/>) with one narrowing — a customer
/// follows only orders they accepted, not every open offer. Each refusal is a <see cref="HubException"/> in words.
/// </summary>
public sealed class RoomAccess(IOrderStore store)
{
    public async Task<Order> EnsureMayFollowOrderAsync(Actor actor, Guid orderId, CancellationToken cancellationToken)
    {
        var order = await store.GetAsync(orderId, cancellationToken)
            ?? throw new HubException("there is no order with the id you gave; join an order you can see in the console");
        var code = order.SupplierTrackingId;
        var refusal = actor.Role switch
        {
            Role.Supplier when actor.SupplierId != order.SupplierId => $"order {code} belongs to another supplier; a supplier follows only its own orders",
            Role.Driver when actor.DriverId is null || actor.DriverId != order.DriverId => $"order {code} is not one of your deliveries; a driver follows only the orders put on them",
            Role.Customer when order.CustomerId is null || order.CustomerId != actor.Name => $"order {code} is not one of your orders; a customer follows only the orders they accepted",
            _ => null,
        };
        return refusal is null ? order : throw new HubException(refusal);
    }

    public async Task EnsureMayFollowSupplierAsync(Actor actor, string supplierId, CancellationToken cancellationToken)
    {
        var suppliers = await store.ListSuppliersAsync(cancellationToken);
        var supplier = suppliers.FirstOrDefault(candidate => candidate.Id == supplierId)
            ?? throw new HubException($"there is no supplier \"{supplierId}\"");
        if (actor.Role is Role.Admin or Role.Dispatcher)
        {
            return;
        }

        if (actor.Role != Role.Supplier)
        {
            throw new HubException("only a supplier (its own room), a dispatcher or an admin may follow a supplier's room");
        }

        if (actor.SupplierId != supplier.Id)
        {
            throw new HubException($"{supplier.Name}'s room belongs to another supplier; a supplier follows only its own room");
        }
    }

    public async Task EnsureMayFollowDriverAsync(Actor actor, string driverId, CancellationToken cancellationToken)
    {
        var driver = await store.GetDriverAsync(driverId, cancellationToken);
        if (actor.Role is Role.Admin or Role.Dispatcher)
        {
            _ = driver ?? throw new HubException($"there is no driver \"{driverId}\"");
            return;
        }

        if (actor.Role != Role.Driver)
        {
            throw new HubException("only the driver themselves, a dispatcher or an admin may follow a driver's room");
        }

        if (actor.DriverId != driverId || driver is null)
        {
            throw new HubException($"{driver?.Name ?? "that driver"}'s room is another driver's; a driver follows only their own room");
        }
    }
}
