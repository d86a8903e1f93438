namespace OrderConsole.Core.Orders;

/// <summary>A business that prepares orders; its prefix starts each of its supplier tracking IDs.</summary>
public sealed record Supplier(string Id, string Name, string TrackingPrefix);
