namespace OrderConsole.Core.Orders;

/// <summary>One line of an order: what, how many, and the supplier's price for one.</summary>
public sealed record OrderItem(string Name, int Quantity, decimal UnitPrice)
{
    public decimal LineTotal => Quantity * UnitPrice;
}
