using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using OrderConsole.Core.Drivers;
using OrderConsole.Core.Orders;
using OrderConsole.Core.Service;
using OrderConsole.Core.Storage;

namespace OrderConsole.Tests.Tracking;

/// <summary>
/// Orders in a hosted app carrying every kind of personal data — customer name, phone and address, a price, notes,
/// a driver with a surname and a phone — taken through their lifecycle in-process with the order service.
/// </summary>
public sealed class TrackedOrders(WebApplicationFactory<Program> host)
{
    public const string CustomerName = "Quentin Privacyson";
    public const string CustomerPhone = "+1 555 0987";
    public const string Address = "41 Hidden Orchard Way";
    public const string Notes = "Ring Quentin twice at 41 Hidden Orchard Way";
    public const string DriverFirstName = "Zelda";
    public const string DriverSurname = "Quartermaine";
    public const string DriverPhone = "+1 555 0456";
    /// <summary>The customer pays 1283.95 for it (30 % markup); neither figure can be part of an ISO timestamp.</summary>
    public const decimal SupplierPrice = 987.65m;
    public const double Latitude = 51.50722;
    public const double Longitude = -0.12751;

    /// <summary>What must never appear in a public answer, whatever the order's status.</summary>
    public static readonly string[] PersonalData =
        [CustomerName, "Quentin", CustomerPhone, Address, "Orchard", DriverSurname, DriverPhone, "987.65", "1283.9", "price", "twice"];

    public OrderService Orders => host.Services.GetRequiredService<OrderService>();

    /// <summary>A Luigi's order with its own driver, walked by an admin up to <paramref name="status"/>.</summary>
    public async Task<Order> InStatusAsync(OrderStatus status)
    {
        var order = await Orders.CreateAsync(Actor.System, new CreateOrder("luigis", [new OrderItem("Margherita", 1, SupplierPrice)]));
        foreach (var step in new[] { OrderStatus.SupplierAccepted, OrderStatus.CustomerAccepted, OrderStatus.Preparing, OrderStatus.Ready, OrderStatus.Dispatched, OrderStatus.InTransit, OrderStatus.Delivered })
        {
            if (order.Status == status)
            {
                break;
            }

            order = step switch
            {
                OrderStatus.SupplierAccepted => await Orders.AcceptAsSupplierAsync(Actor.System, order.Id, Notes, 25),
                OrderStatus.CustomerAccepted => await Orders.AcceptOfferAsync(Actor.System, order.Id, new CustomerDetails(CustomerName, CustomerPhone, Address)),
                OrderStatus.Dispatched => await DispatchAsync(order),
                _ => await Orders.AdvanceAsync(Actor.System, order.Id, step),
            };
        }

        return order;
    }

    /// <summary>Puts a driver of its own on a ready order: one with a surname, a phone and a known position.</summary>
    public async Task<Order> DispatchAsync(Order order)
    {
        var driverId = "drv-" + Guid.NewGuid().ToString("N")[..8];
        await host.Services.GetRequiredService<IOrderStore>().SaveDriverAsync(
            new Driver { Id = driverId, Name = $"{DriverFirstName} {DriverSurname}", Phone = DriverPhone, Vehicle = "van" }, "test");
        await Orders.ReportPositionAsync(Actor.System, driverId, Latitude, Longitude);
        return await Orders.DispatchAsync(Actor.System, order.Id, driverId);
    }

    /// <summary>Gives a dispatched order another driver, one named <paramref name="driverName"/>.</summary>
    public async Task<Order> ReassignAsync(Order order, string driverName)
    {
        var driverId = "drv-" + Guid.NewGuid().ToString("N")[..8];
        await host.Services.GetRequiredService<IOrderStore>().SaveDriverAsync(new Driver { Id = driverId, Name = driverName, Phone = DriverPhone }, "test");
        return await Orders.ReassignAsync(Actor.System, order.Id, driverId);
    }

    /// <summary>Moves <paramref name="order"/> one status on, as the people whose job it is would.</summary>
    public Task<Order> AdvanceAsync(Order order, OrderStatus to) => Orders.AdvanceAsync(Actor.System, order.Id, to);

    /// <summary>Fails with the offending text if <paramref name="body"/> holds any personal data or the order's secrets.</summary>
    public static void AssertNoPersonalData(string body, Order order, bool tokenAllowed = false)
    {
        foreach (var secret in PersonalData)
        {
            Assert.DoesNotContain(secret, body, StringComparison.OrdinalIgnoreCase);
        }

        Assert.DoesNotContain(order.Id.ToString(), body, StringComparison.OrdinalIgnoreCase);
        if (!tokenAllowed)
        {
            Assert.DoesNotContain(order.TrackingToken, body, StringComparison.Ordinal);
        }
    }
}
