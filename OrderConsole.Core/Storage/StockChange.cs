namespace OrderConsole.Core.Storage;

/// <summary>
/// A stock change that travels with an order transition and is applied in the same atomic write: a negative
/// <see cref="Change"/> reserves (refused when less is left), a positive one gives back. An item the supplier keeps
/// no level for is unlimited, and the change passes over it.
/// </summary>
public sealed record StockChange(string SupplierId, string Item, int Change);

/// <summary>A discount code used by an acceptance, counted in the same atomic write: refused once <see cref="Limit"/> uses are counted.</summary>
public sealed record DiscountUse(string SupplierId, string Code, int? Limit);
