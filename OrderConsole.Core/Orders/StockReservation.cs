namespace OrderConsole.Core.Orders;

/// <summary>Stock an order took from its supplier when the customer accepted it: given back on cancellation.</summary>
public sealed record StockReservation(string Item, int Quantity);
