using OrderConsole.Core.Suppliers;

namespace OrderConsole.Core.Storage.Redis;

/// <summary>Stock levels and discount-code uses on Redis; acceptances change them inside the transition script.</summary>
public sealed partial class RedisOrderStore
{
    public async Task<IReadOnlyList<StockLevel>> GetStockAsync(string supplierId, CancellationToken cancellationToken = default)
    {
        var quantities = await redis.RunAsync("HGETALL", db => db.HashGetAllAsync(_keys.Stock(supplierId)), cancellationToken);
        var names = await redis.RunAsync("HGETALL", db => db.HashGetAllAsync(_keys.StockNames(supplierId)), cancellationToken);
        var byKey = names.ToDictionary(entry => entry.Name.ToString(), entry => entry.Value.ToString(), StringComparer.Ordinal);
        return [.. quantities
            .Select(entry => new StockLevel(byKey.GetValueOrDefault(entry.Name.ToString()) ?? entry.Name.ToString(), (int)entry.Value))
            .OrderBy(level => level.Item, StringComparer.OrdinalIgnoreCase)];
    }

    public async Task SetStockAsync(string supplierId, string item, int? quantity, CancellationToken cancellationToken = default)
    {
        await RunAsync(RedisScripts.SetStock,
            [options.KeyPrefix, supplierId, StockRules.Key(item), item.Trim(), quantity?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty],
            cancellationToken);
    }

    public async Task<IReadOnlyDictionary<string, int>> GetDiscountUsesAsync(string supplierId, CancellationToken cancellationToken = default)
    {
        var uses = await redis.RunAsync("HGETALL", db => db.HashGetAllAsync(_keys.DiscountUses(supplierId)), cancellationToken);
        return uses.ToDictionary(entry => entry.Name.ToString(), entry => (int)entry.Value, StringComparer.Ordinal);
    }
}
