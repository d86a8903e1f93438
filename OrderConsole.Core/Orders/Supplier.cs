namespace OrderConsole.Core.Orders;

/// <summary>
/// A business that prepares orders; its prefix starts each of its supplier tracking IDs. Its pickup location
/// (where drivers collect orders) is optional: without it, dispatch lists drivers without distances.
/// </summary>
public sealed record Supplier(string Id, string Name, string TrackingPrefix, double? Latitude = null, double? Longitude = null);
