using OrderConsole.Core.Drivers;
using OrderConsole.Core.Orders;
using OrderConsole.Core.Service;
using OrderConsole.Core.Storage;

namespace OrderConsole.Core.Demo;

/// <summary>
/// Demo data for a fresh console: three suppliers, five drivers and thirty orders spread over every status.
/// Orders go through the same commands a person would use, so each has its history and events.
/// </summary>
public static class DemoData
{
    /// <summary>Three kitchens in Manhattan, among the demo drivers, so dispatch can measure and suggest.</summary>
    public static IReadOnlyList<Supplier> Suppliers { get; } =
    [
        new("luigis", "Luigi's Pizzeria", "LUI", Latitude: 40.7191, Longitude: -73.9973),
        new("napoli", "Napoli Express", "NAP", Latitude: 40.7465, Longitude: -74.0014),
        new("crust", "Crust & Co", "CRU", Latitude: 40.7527, Longitude: -73.9772),
    ];

    public static IReadOnlyList<Driver> Drivers { get; } =
    [
        new() { Id = "drv-ana", Name = "Ana Lopez", Phone = "+1 555 0101", Vehicle = "scooter", Latitude = 40.7128, Longitude = -74.0060 },
        new() { Id = "drv-ben", Name = "Ben Okafor", Phone = "+1 555 0102", Vehicle = "bike", Latitude = 40.7306, Longitude = -73.9866 },
        new() { Id = "drv-chen", Name = "Chen Wei", Phone = "+1 555 0103", Vehicle = "car", Latitude = 40.7580, Longitude = -73.9855 },
        new() { Id = "drv-dana", Name = "Dana Novak", Phone = "+1 555 0104", Vehicle = "scooter", Latitude = 40.6892, Longitude = -74.0445 },
        new() { Id = "drv-eli", Name = "Eli Haddad", Phone = "+1 555 0105", Vehicle = "car", Latitude = 40.7484, Longitude = -73.9857 },
    ];

    private static readonly string[] s_pizzas =
        ["Margherita", "Pepperoni", "Quattro Formaggi", "Diavola", "Capricciosa", "Hawaiian", "Marinara", "Funghi", "Calzone", "Veggie Supreme"];

    private static readonly (string Name, string Phone, string Address)[] s_customers =
    [
        ("Maya Patel", "+1 555 0142", "12 Harbor St, Apt 4"),
        ("Tom Becker", "+1 555 0177", "88 Elm Avenue"),
        ("Sara Kim", "+1 555 0190", "5 Riverside Drive"),
        ("Omar Aziz", "+1 555 0123", "301 Park Lane"),
    ];

    /// <summary>How many demo orders end in each status.</summary>
    private static readonly (OrderStatus Status, int Count)[] s_spread =
    [
        (OrderStatus.PendingSupplier, 5), (OrderStatus.SupplierAccepted, 4), (OrderStatus.SupplierRejected, 2),
        (OrderStatus.CustomerAccepted, 3), (OrderStatus.Preparing, 3), (OrderStatus.Ready, 3),
        (OrderStatus.Dispatched, 1), (OrderStatus.InTransit, 1), (OrderStatus.Delivered, 6), (OrderStatus.Cancelled, 2),
    ];

    /// <summary>
    /// Seeds the demo data into an empty store (no supplier, driver or order), once across every instance sharing
    /// it and over the store's whole life: a store restarted with its data is never seeded again. Returns whether
    /// this call seeded.
    /// </summary>
    public static async Task<bool> SeedIfEmptyAsync(IOrderStore store, OrderService orders, CancellationToken cancellationToken = default)
    {
        if (!await IsEmptyAsync(store, cancellationToken) || !await store.ClaimOnceAsync("demo-seed", cancellationToken))
        {
            return false;
        }

        foreach (var supplier in Suppliers)
        {
            await store.SaveSupplierAsync(supplier, Actor.System.Name, cancellationToken);
        }

        foreach (var driver in Drivers)
        {
            await store.SaveDriverAsync(driver, Actor.System.Name, cancellationToken);
        }

        var index = 0;
        foreach (var (status, count) in s_spread)
        {
            for (var i = 0; i < count; i++, index++)
            {
                await SeedOrderAsync(store, orders, index, status, cancellationToken);
            }
        }

        return true;
    }

    private static async Task<bool> IsEmptyAsync(IOrderStore store, CancellationToken cancellationToken) =>
        (await store.ListSuppliersAsync(cancellationToken)).Count == 0
        && (await store.ListDriversAsync(cancellationToken)).Count == 0
        && (await store.ListAsync(new OrderQuery { Limit = 1 }, cancellationToken)).Count == 0;

    private static async Task SeedOrderAsync(IOrderStore store, OrderService orders, int index, OrderStatus target, CancellationToken cancellationToken)
    {
        var actor = Actor.System;
        var supplier = Suppliers[index % Suppliers.Count];
        var items = new List<OrderItem> { new(s_pizzas[index % s_pizzas.Length], 1, 9.5m + (index % 7)) };
        if (index % 3 == 0)
        {
            items.Add(new OrderItem("Garlic Bread", 2, 3.25m));
        }

        var order = await orders.CreateAsync(actor, new CreateOrder(supplier.Id, items, 20m + (index % 3 * 5)), cancellationToken: cancellationToken);
        var customer = s_customers[index % s_customers.Length];

        // Walk the lifecycle step by step until the order reaches its demo status.
        foreach (var step in PathTo(target))
        {
            order = step switch
            {
                OrderStatus.SupplierAccepted => await orders.AcceptAsSupplierAsync(actor, order.Id, "Fresh basil today", 25 + (index % 4 * 5), cancellationToken: cancellationToken),
                OrderStatus.SupplierRejected => await orders.RejectAsSupplierAsync(actor, order.Id, "Out of dough", cancellationToken: cancellationToken),
                OrderStatus.CustomerAccepted => await orders.AcceptOfferAsync(actor, order.Id, new CustomerDetails(customer.Name, customer.Phone, customer.Address), cancellationToken: cancellationToken),
                OrderStatus.Dispatched => await orders.DispatchAsync(actor, order.Id, await AvailableDriverAsync(store, index, cancellationToken), cancellationToken: cancellationToken),
                OrderStatus.Cancelled => await orders.CancelAsync(actor, order.Id, "Customer changed their mind", cancellationToken: cancellationToken),
                _ => await orders.AdvanceAsync(actor, order.Id, step, cancellationToken: cancellationToken),
            };
        }
    }

    private static async Task<string> AvailableDriverAsync(IOrderStore store, int index, CancellationToken cancellationToken)
    {
        var available = (await store.ListDriversAsync(cancellationToken)).Where(driver => driver.Status == DriverStatus.Available).ToList();
        return available[index % available.Count].Id;
    }

    private static OrderStatus[] PathTo(OrderStatus target)
    {
        OrderStatus[] happyPath =
        [
            OrderStatus.SupplierAccepted, OrderStatus.CustomerAccepted, OrderStatus.Preparing, OrderStatus.Ready,
            OrderStatus.Dispatched, OrderStatus.InTransit, OrderStatus.Delivered,
        ];
        return target switch
        {
            OrderStatus.PendingSupplier => [],
            OrderStatus.SupplierRejected => [OrderStatus.SupplierRejected],
            OrderStatus.Cancelled => [OrderStatus.SupplierAccepted, OrderStatus.CustomerAccepted, OrderStatus.Cancelled],
            _ => happyPath[..(Array.IndexOf(happyPath, target) + 1)],
        };
    }
}
