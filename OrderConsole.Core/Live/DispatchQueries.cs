using OrderConsole.Core.Drivers;
using OrderConsole.Core.Orders;

namespace OrderConsole.Core.Live;

/// <summary>
/// What the dispatch desk asks the read model. Distances are computed here from the drivers the read model
/// already holds, so the list and the suggestion follow every driver change live without a store round trip.
/// </summary>
public static class DispatchQueries
{
    /// <summary>Every active driver measured from the pickup location of <paramref name="order"/>'s supplier, and the nearest available one.</summary>
    public static PickupLineup LineupFor(this LiveOrders live, Order order)
    {
        var supplier = live.Suppliers().FirstOrDefault(candidate => candidate.Id == order.SupplierId);
        return PickupLineup.For(live.Drivers().Where(driver => driver.Active), supplier?.Latitude, supplier?.Longitude);
    }
}
