using System.Globalization;
using OrderConsole.Core.Orders;
using OrderConsole.Core.Storage;

namespace OrderGridBench;

/// <summary>
/// Fills a store as a busy month would leave it: orders from three suppliers with a few different items, spread over
/// the lifecycle up to ready (every eighth order stays pending, others stand at each later stage).
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

    /// <summary>
    /// Writes <paramref name="count"/> orders straight to the store in the shape the lifecycle leaves them (one write
    /// each, so 50,000 orders load in seconds): every eighth pending, the others supplier accepted, customer accepted,
    /// preparing or ready with a customer, phone and address; created over the last 30 days.
    /// </summary>
    public static async Task SeedAsync(IOrderStore store, int count, DateTimeOffset now)
    {
        for (var index = 0; index < count; index++)
        {
            var supplier = Suppliers[index % Suppliers.Length];
            var item = s_items[index % s_items.Length];
            var created = now - TimeSpan.FromMinutes(index * 30.0 * 24 * 60 / count);
            var order = OrderChanges.Create(
                supplier, [new OrderItem(item, 1 + (index % 3), 9.5m + (index % 7))], markupPercentage: null, created,
                (10_000_000 + index).ToString(CultureInfo.InvariantCulture), TrackingCodes.NewTrackingToken());
            var stage = index % 8;
            order = order with
            {
                Status = StageStatus(stage),
                CustomerName = stage >= 2 ? $"Customer {index:D5}" : null,
                CustomerPhone = stage >= 2 ? "+1 555 0100" : null,
                DeliveryAddress = stage >= 2 ? $"{index} Market Street" : null,
                UpdatedAt = created + TimeSpan.FromMinutes(stage),
            };
            await store.CreateAsync(order, supplier, "bench", $"seed-{index}");
        }
    }

    private static OrderStatus StageStatus(int stage) => stage switch
    {
        0 => OrderStatus.PendingSupplier,
        1 => OrderStatus.SupplierAccepted,
        2 => OrderStatus.CustomerAccepted,
        3 => OrderStatus.Preparing,
        _ => OrderStatus.Ready,
    };
}
