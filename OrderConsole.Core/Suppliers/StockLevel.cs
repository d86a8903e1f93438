namespace OrderConsole.Core.Suppliers;

/// <summary>How many of one item a supplier has left. An item with no stock level is unlimited.</summary>
public sealed record StockLevel(string Item, int Quantity)
{
    public bool IsLow => Quantity <= StockRules.LowStockThreshold;

    public bool IsOut => Quantity == 0;
}
