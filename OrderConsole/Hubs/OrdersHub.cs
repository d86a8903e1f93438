using System.Security.Claims;
using Microsoft.AspNetCore.SignalR;
using OrderConsole.Accounts;
using OrderConsole.Api;
using OrderConsole.Core.Orders;

namespace OrderConsole.Hubs;

/// <summary>
/// <c>/hubs/orders</c>: driver apps and partner screens join rooms (an order, a supplier, a driver) they may see and
/// receive <see cref="IOrdersClient"/> messages; drivers report their position. Bearer token or console cookie
/// (mapped with <see cref="StaffAccess.RequireStaff"/> in <see cref="HubServices"/>).
/// </summary>
public sealed class OrdersHub(RoomAccess access, PositionReports positions) : Hub<IOrdersClient>
{
    public const string Path = "/hubs/orders";

    public async Task JoinOrder(Guid orderId)
    {
        await access.EnsureMayFollowOrderAsync(Caller(), orderId, Context.ConnectionAborted);
        await Groups.AddToGroupAsync(Context.ConnectionId, HubRooms.Order(orderId), Context.ConnectionAborted);
    }

    public Task LeaveOrder(Guid orderId) => Groups.RemoveFromGroupAsync(Context.ConnectionId, HubRooms.Order(orderId));

    public async Task JoinSupplier(string supplierId)
    {
        await access.EnsureMayFollowSupplierAsync(Caller(), supplierId, Context.ConnectionAborted);
        await Groups.AddToGroupAsync(Context.ConnectionId, HubRooms.Supplier(supplierId), Context.ConnectionAborted);
    }

    public Task LeaveSupplier(string supplierId) => Groups.RemoveFromGroupAsync(Context.ConnectionId, HubRooms.Supplier(supplierId));

    public async Task JoinDriver(string driverId)
    {
        await access.EnsureMayFollowDriverAsync(Caller(), driverId, Context.ConnectionAborted);
        await Groups.AddToGroupAsync(Context.ConnectionId, HubRooms.Driver(driverId), Context.ConnectionAborted);
    }

    public Task LeaveDriver(string driverId) => Groups.RemoveFromGroupAsync(Context.ConnectionId, HubRooms.Driver(driverId));

    /// <summary>
    /// The calling driver's position (only a driver reports, and only their own): sent at once to their room and the
    /// rooms of the order they carry and its supplier; kept in the store every few seconds.
    /// </summary>
    public Task ReportPosition(double latitude, double longitude, double? speed, double? heading, double? accuracy)
    {
        var user = Context.User ?? new ClaimsPrincipal();
        var driverId = user.IsInRole(ConsoleRoles.Driver) ? user.FindFirstValue(ConsoleRoles.DriverIdClaim) : null;
        if (driverId is null || user.Identity?.Name is not { } name)
        {
            throw new HubException("only a driver reports a position, and only their own: sign in as the driver whose position it is");
        }

        return positions.ReportAsync(new Actor(name, Role.Driver, DriverId: driverId), latitude, longitude, speed, heading, accuracy, Context.ConnectionAborted);
    }

    /// <summary>The caller at the widest desk they hold, as the event streams read them.</summary>
    private Actor Caller()
    {
        try
        {
            return ApiActors.Reader(Context.User ?? new ClaimsPrincipal());
        }
        catch (ForbiddenOrderActionException refused)
        {
            throw new HubException(refused.Message);
        }
    }
}
