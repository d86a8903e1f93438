using OrderConsole.Core.Orders;
using OrderConsole.Core.Service;

namespace OrderGridBench;

/// <summary>
/// Fills a store through <see cref="OrderService"/> as a busy day would: orders from three suppliers with a few
/// different items, spread over the lifecycle (every eighth order stays pending, others reach each later stage).
/// </summary>
internal static class MarketSeed
{
    public static readonly Supplier[] Suppliers =
    [
        new("luigis", "Luigi's Pizzeria", "LUI"),
        new("napoli", "Napoli Express", "NAP"),
        new("roma", "Roma Slice", "ROM"),
    ];

    private static readonly string[] s_items = ["Margherita", "Marinara", "Diavola", "Quattro Formaggi", "Capricciosa", "Tiramisu"];

    private static readonly Actor s_customer = new("bench-customer", Role.Customer);

    public static async Task SeedAsync(OrderService orders, int count)
    {
        for (var index = 0; index < count; index++)
        {
            var supplier = Suppliers[index % Suppliers.Length];
            var actor = new Actor($"{supplier.Id}-staff", Role.Supplier, supplier.Id);
            var item = s_items[index % s_items.Length];
            var order = await orders.CreateAsync(actor, new CreateOrder(supplier.Id, [new OrderItem(item, 1 + (index % 3), 9.5m + (index % 7))]));
            var stage = index % 8;
            if (stage >= 1)
            {
                await orders.AcceptAsSupplierAsync(actor, order.Id, notes: null, estimatedMinutes: 20 + (index % 30));
            }

            if (stage >= 2)
            {
                await orders.AcceptOfferAsync(s_customer, order.Id, new CustomerDetails($"Customer {index:D5}", "+1 555 0100", $"{index} Market Street"));
            }

            if (stage >= 3)
            {
                await orders.AdvanceAsync(actor, order.Id, OrderStatus.Preparing);
            }

            if (stage >= 4)
            {
                await orders.AdvanceAsync(actor, order.Id, OrderStatus.Ready);
            }
        }
    }
}
