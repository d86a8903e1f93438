using OrderConsole.Core.Orders;
using OrderConsole.Core.Suppliers;

namespace OrderConsole.Core.Storage.InMemory;

/// <summary>
/// Stock levels and discount-code uses: read under the write lock, changed only by the transitions that carry
/// them (checked before anything is written) or by a supplier setting a level, each journalled with its write.
/// </summary>
public sealed partial class InMemoryOrderStore
{
    private readonly Dictionary<(string Supplier, string Key), StockLevel> _stock = [];
    private readonly Dictionary<(string Supplier, string Code), int> _discountUses = [];

    public Task<IReadOnlyList<StockLevel>> GetStockAsync(string supplierId, CancellationToken cancellationToken = default)
    {
        lock (_write)
        {
            IReadOnlyList<StockLevel> levels = [.. _stock.Where(pair => pair.Key.Supplier == supplierId)
                .Select(pair => pair.Value).OrderBy(level => level.Item, StringComparer.OrdinalIgnoreCase)];
            return Task.FromResult(levels);
        }
    }

    public Task SetStockAsync(string supplierId, string item, int? quantity, CancellationToken cancellationToken = default)
    {
        lock (_write)
        {
            var key = (supplierId, StockRules.Key(item));
            var record = new StockRecord(supplierId, key.Item2, quantity is { } count ? new StockLevel(item.Trim(), count) : null);
            KeepStock(record);
            Record(Kinds.Stock.Of(record));
            Commit();
            return Task.CompletedTask;
        }
    }

    public Task<IReadOnlyDictionary<string, int>> GetDiscountUsesAsync(string supplierId, CancellationToken cancellationToken = default)
    {
        lock (_write)
        {
            IReadOnlyDictionary<string, int> uses = _discountUses.Where(pair => pair.Key.Supplier == supplierId)
                .ToDictionary(pair => pair.Key.Code, pair => pair.Value, StringComparer.Ordinal);
            return Task.FromResult(uses);
        }
    }

    /// <summary>
    /// Checks a transition's stock changes and discount use against the levels and uses as they stand (or as a batch
    /// has left them) and returns what it will leave. Writes nothing.
    /// </summary>
    private static StockEffects CheckStock(
        OrderTransition transition, Func<(string, string), StockLevel?> findLevel, Func<(string, string), int> findUses)
    {
        var records = new List<StockRecord>(transition.Stock.Count);
        foreach (var change in transition.Stock)
        {
            var key = (change.SupplierId, StockRules.Key(change.Item));
            if (findLevel(key) is not { } level)
            {
                continue; // no level kept: unlimited
            }

            if (level.Quantity + change.Change < 0)
            {
                throw new OutOfStockException(level.Item, level.Quantity, -change.Change);
            }

            records.Add(new StockRecord(key.SupplierId, key.Item2, level with { Quantity = level.Quantity + change.Change }));
        }

        DiscountUses? use = null;
        if (transition.Discount is { } discount)
        {
            var code = discount.Code.ToUpperInvariant();
            var uses = findUses((discount.SupplierId, code)) + 1;
            if (discount.Limit is { } limit && uses > limit)
            {
                throw new DiscountUsedUpException(discount.Code, limit);
            }

            use = new DiscountUses(discount.SupplierId, code, uses);
        }

        return new StockEffects(records, use);
    }

    private void WriteStock(StockEffects effects)
    {
        foreach (var record in effects.Levels)
        {
            KeepStock(record);
            Record(Kinds.Stock.Of(record));
        }

        if (effects.Use is { } use)
        {
            KeepUses(use);
            Record(Kinds.DiscountUses.Of(use));
        }
    }

    // The one place each changes (a journal replaying calls these too); under the write lock. Callers record the change.
    private void KeepStock(StockRecord record)
    {
        if (record.Level is { } level)
        {
            _stock[(record.SupplierId, record.Key)] = level;
        }
        else
        {
            _stock.Remove((record.SupplierId, record.Key));
        }
    }

    private void KeepUses(DiscountUses uses)
    {
        _discountUses[(uses.SupplierId, uses.Code)] = uses.Uses;
    }

    private IEnumerable<Journal.JournalChange> StockSnapshot() =>
        _stock.Select(pair => Kinds.Stock.Of(new StockRecord(pair.Key.Supplier, pair.Key.Key, pair.Value)))
            .Concat(_discountUses.Select(pair => Kinds.DiscountUses.Of(new DiscountUses(pair.Key.Supplier, pair.Key.Code, pair.Value))));

    /// <summary>One item's level as it now stands; null: no level kept (unlimited).</summary>
    private sealed record StockRecord(string SupplierId, string Key, StockLevel? Level);

    /// <summary>How often one code has been used.</summary>
    private sealed record DiscountUses(string SupplierId, string Code, int Uses);

    private sealed record StockEffects(IReadOnlyList<StockRecord> Levels, DiscountUses? Use);
}
