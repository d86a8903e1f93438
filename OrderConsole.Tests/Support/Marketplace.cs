using OrderConsole.Core.Orders;
using OrderConsole.Core.Service;
using OrderConsole.Core.Storage.InMemory;

namespace OrderConsole.Tests.Support;

/// <summary>
/// An in-memory marketplace for service and live tests: a store and its feed, a manual clock, the order
/// service, two suppliers and two available drivers, and the people who act in it.
/// </summary>
public sealed class Marketplace
{
    public static readonly Actor Admin = Actor.System;
    public static readonly Actor LuigisSupplier = new("sam", Role.Supplier, SupplierId: "luigis");
    public static readonly Actor NapoliSupplier = new("nina", Role.Supplier, SupplierId: "napoli");
    public static readonly Actor Customer = new("maya", Role.Customer);
    public static readonly Actor Dispatcher = new("dora", Role.Dispatcher);
    public static readonly Actor AnaDriving = new("ana", Role.Driver, DriverId: "drv-ana");
    public static readonly Actor BenDriving = new("ben", Role.Driver, DriverId: "drv-ben");
    public static readonly CustomerDetails Maya = new("Maya Patel", "+1 555 0142", "12 Harbor St, Apt 4");

    private Marketplace(int feedCapacity)
    {
        Feed = new InMemoryFeed(feedCapacity);
        Store = new InMemoryOrderStore(Clock, Feed);
        Orders = new OrderService(Store, Clock);
    }

    public ManualClock Clock { get; } = new();

    public InMemoryFeed Feed { get; }

    public InMemoryOrderStore Store { get; }

    public OrderService Orders { get; }

    public static async Task<Marketplace> OpenAsync(int feedCapacity = 10_000)
    {
        var marketplace = new Marketplace(feedCapacity);
        await marketplace.Store.SaveSupplierAsync(Samples.Luigis);
        await marketplace.Store.SaveSupplierAsync(Samples.Napoli);
        await marketplace.Store.SaveDriverAsync(Samples.Ana, "setup");
        await marketplace.Store.SaveDriverAsync(Samples.Ben, "setup");
        return marketplace;
    }

    public Task<Order> CreateOrderAsync(Actor? by = null, string supplierId = "luigis", decimal price = 10m) =>
        Orders.CreateAsync(by ?? LuigisSupplier, new CreateOrder(supplierId, [new OrderItem("Margherita", 1, price)]));

    /// <summary>A Luigi's order walked through the lifecycle by the people whose job each step is, up to <paramref name="status"/>.</summary>
    public async Task<Order> OrderInStatusAsync(OrderStatus status, string driverId = "drv-ana") =>
        await WalkAsync(Orders, await CreateOrderAsync(), status, driverId);

    /// <summary>Walks <paramref name="order"/> through the lifecycle with <paramref name="orders"/> until it reaches <paramref name="status"/>.</summary>
    public static async Task<Order> WalkAsync(OrderService orders, Order order, OrderStatus status, string driverId = "drv-ana")
    {
        foreach (var step in new[] { OrderStatus.SupplierAccepted, OrderStatus.CustomerAccepted, OrderStatus.Preparing, OrderStatus.Ready, OrderStatus.Dispatched, OrderStatus.InTransit, OrderStatus.Delivered })
        {
            if (order.Status == status)
            {
                break;
            }

            order = step switch
            {
                OrderStatus.SupplierAccepted => await orders.AcceptAsSupplierAsync(LuigisSupplier, order.Id, "Fresh basil today", 30),
                OrderStatus.CustomerAccepted => await orders.AcceptOfferAsync(Customer, order.Id, Maya),
                OrderStatus.Preparing or OrderStatus.Ready => await orders.AdvanceAsync(LuigisSupplier, order.Id, step),
                OrderStatus.Dispatched => await orders.DispatchAsync(Dispatcher, order.Id, driverId),
                _ => await orders.AdvanceAsync(Dispatcher, order.Id, step),
            };
        }

        return order;
    }
}
