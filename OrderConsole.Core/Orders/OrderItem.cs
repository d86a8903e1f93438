namespace OrderConsole.Core.Orders;

/// <summary>One line of an order: what, how many, and the supplier's price for one.</summary>
public sealed record OrderItem(string Name, int Quantity, decimal UnitPrice)
{
    public decimal LineTotal => Quantity * UnitPrice;

    /// <summary>The line as a list shows it: "2× Margherita", or just "Tiramisu" for one.</summary>
    public string Compact => Quantity == 1 ? Name : $"{Quantity}× {Name}";

    /// <summary>Every item in one line: "2× Margherita, Tiramisu".</summary>
    public static string Summary(IEnumerable<OrderItem> items) => string.Join(", ", items.Select(item => item.Compact));
}
