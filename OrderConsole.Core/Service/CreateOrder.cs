using OrderConsole.Core.Orders;

namespace OrderConsole.Core.Service;

/// <summary>What a supplier asks for when creating an order: which supplier, the items, and the markup.</summary>
public sealed record CreateOrder(string SupplierId, IReadOnlyList<OrderItem> Items, decimal? MarkupPercentage = null);
