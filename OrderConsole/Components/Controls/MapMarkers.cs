using OrderConsole.Core.Drivers;
using OrderConsole.Core.Live;
using OrderConsole.Core.Orders;

namespace OrderConsole.Components.Controls;

/// <summary>
/// Which markers each page's map shows, from the read model's orders, drivers and suppliers. Only what has a known
/// position becomes a marker; the rest stays in the page's own lists.
/// </summary>
public static class MapMarkers
{
    /// <summary>
    /// Dispatch: every active driver who is working (available, busy or on break) by status, a busy one with the order
    /// they carry (from <paramref name="onTheRoad"/>), and one pickup marker per supplier with ready orders, naming them.
    /// </summary>
    public static IReadOnlyList<MapMarker> ForDispatch(
        IEnumerable<Driver> drivers, IEnumerable<Order> ready, IEnumerable<Order> onTheRoad, IEnumerable<Supplier> suppliers)
    {
        var carried = onTheRoad.Where(order => order.DriverId is not null).ToDictionary(order => order.Id);
        var working = drivers
            .Where(driver => driver is { Active: true, Status: not DriverStatus.Offline })
            .Select(driver => DriverMarker(driver, DriverLabel(driver,
                driver.OrderId is { } orderId && carried.GetValueOrDefault(orderId) is { } order && order.DriverId == driver.Id ? order.SupplierTrackingId : null)));
        var bySupplier = suppliers.ToDictionary(supplier => supplier.Id, StringComparer.Ordinal);
        var pickups = ready
            .Where(order => order.Status == OrderStatus.Ready)
            .GroupBy(order => order.SupplierId, StringComparer.Ordinal)
            .Select(waiting => bySupplier.GetValueOrDefault(waiting.Key) is { } supplier
                ? PickupMarker(supplier, [.. waiting.OrderBy(order => order.ReadyAt).Select(order => order.SupplierTrackingId)])
                : null);
        return [.. working.Concat(pickups).OfType<MapMarker>()];
    }

    /// <summary>The dashboard: the driver of every delivery under way (dispatched or in transit), naming the order.</summary>
    public static IReadOnlyList<MapMarker> ForDeliveries(IEnumerable<ActiveDelivery> deliveries) =>
    [
        .. deliveries
            .Where(delivery => delivery.Order.Status is OrderStatus.Dispatched or OrderStatus.InTransit)
            .Select(delivery => delivery.Driver is { } driver ? DriverMarker(driver, DeliveryLabel(driver, delivery.Order)) : null)
            .OfType<MapMarker>(),
    ];

    /// <summary>
    /// One order (the staff tracker): its supplier's pickup, its destination when the customer gave coordinates, and
    /// its driver while the delivery is under way.
    /// </summary>
    public static IReadOnlyList<MapMarker> ForOrder(Order order, Supplier? supplier, Driver? driver)
    {
        List<MapMarker?> markers =
        [
            supplier is null ? null : PickupMarker(supplier, [order.SupplierTrackingId]),
            order is { DeliveryLatitude: { } latitude, DeliveryLongitude: { } longitude }
                ? new MapMarker($"destination:{order.Id:N}", MapMarkerKind.Destination, latitude, longitude,
                    $"Destination of {order.SupplierTrackingId}{(order.DeliveryAddress is { Length: > 0 } address ? ": " + address : string.Empty)}")
                : null,
            order.Status is OrderStatus.Dispatched or OrderStatus.InTransit && driver is not null && driver.Id == order.DriverId
                ? DriverMarker(driver, DeliveryLabel(driver, order))
                : null,
        ];
        return [.. markers.OfType<MapMarker>()];
    }

    private static MapMarker? DriverMarker(Driver driver, string label) =>
        driver is { Latitude: { } latitude, Longitude: { } longitude }
            ? new MapMarker($"driver:{driver.Id}", KindOf(driver.Status), latitude, longitude, label)
            : null;

    private static MapMarker? PickupMarker(Supplier supplier, IReadOnlyList<string> orderCodes) =>
        supplier is { Latitude: { } latitude, Longitude: { } longitude }
            ? new MapMarker($"pickup:{supplier.Id}", MapMarkerKind.Pickup, latitude, longitude,
                $"Pickup at {supplier.Name} for {string.Join(", ", orderCodes)}")
            : null;

    private static string DriverLabel(Driver driver, string? orderCode) =>
        orderCode is null ? $"{driver.Name}, {DriverRules.Words(driver.Status)}" : $"{driver.Name}, {DriverRules.Words(driver.Status)} with {orderCode}";

    private static string DeliveryLabel(Driver driver, Order order) =>
        $"{driver.Name}, {order.Status.ToDisplayName()} with {order.SupplierTrackingId}";

    private static MapMarkerKind KindOf(DriverStatus status) => status switch
    {
        DriverStatus.Available => MapMarkerKind.AvailableDriver,
        DriverStatus.Busy => MapMarkerKind.BusyDriver,
        DriverStatus.OnBreak => MapMarkerKind.DriverOnBreak,
        _ => MapMarkerKind.OfflineDriver,
    };
}
