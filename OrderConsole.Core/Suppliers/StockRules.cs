using OrderConsole.Core.Orders;

namespace OrderConsole.Core.Suppliers;

/// <summary>
/// What makes a stock level valid, and how order items find theirs: by name, trimmed and without letter case.
/// At or below <see cref="LowStockThreshold"/> an item shows as low on the supplier's page.
/// </summary>
public static class StockRules
{
    public const int LowStockThreshold = 5;
    public const int MaxQuantity = 1_000_000;

    /// <summary>The form item names match in: trimmed, without letter case.</summary>
    public static string Key(string item) => item.Trim().ToUpperInvariant();

    public static StockLevel Level(string? item, int? quantity)
    {
        var name = OrderInput.Required(item, "item", OrderInput.MaxNameLength);
        if (quantity is not { } count || count < 0 || count > MaxQuantity)
        {
            throw new OrderValidationException("quantity", $"the quantity must be a whole number from 0 to {MaxQuantity:N0}; it was {quantity?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "missing"}");
        }

        return new StockLevel(name, count);
    }

    /// <summary>
    /// What accepting an order takes from <paramref name="levels"/>: one reservation per tracked item (items the supplier
    /// keeps no level for are unlimited). Throws <see cref="OutOfStockException"/> for the first item with too little left.
    /// </summary>
    public static IReadOnlyList<StockReservation> Reserve(IEnumerable<OrderItem> items, IReadOnlyList<StockLevel> levels)
    {
        var byKey = levels.ToDictionary(level => Key(level.Item), StringComparer.Ordinal);
        var reservations = new List<StockReservation>();
        foreach (var wanted in items.GroupBy(item => Key(item.Name), StringComparer.Ordinal))
        {
            if (byKey.TryGetValue(wanted.Key, out var level))
            {
                var quantity = wanted.Sum(item => item.Quantity);
                if (level.Quantity < quantity)
                {
                    throw new OutOfStockException(level.Item, level.Quantity, quantity);
                }

                reservations.Add(new StockReservation(level.Item, quantity));
            }
        }

        return reservations;
    }
}
