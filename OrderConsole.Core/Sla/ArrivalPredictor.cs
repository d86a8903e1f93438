using OrderConsole.Core.Drivers;
using OrderConsole.Core.Orders;

namespace OrderConsole.Core.Sla;

/// <summary>
/// When an open order will likely reach its customer: now plus what is left of its stages. Preparing takes
/// <see cref="SlaOptions.PreparationMinutes"/> from its start (all of it before it starts); a ready order waits
/// <see cref="SlaOptions.HandoverMinutes"/> for a driver; a dispatched driver first drives to the pickup; every drive is
/// the straight-line distance at <see cref="SlaOptions.DriverSpeedKmh"/>, or <see cref="SlaOptions.DeliveryTravelMinutes"/>
/// for pickup to door when a position is unknown. Pure: the same input gives the same prediction.
/// </summary>
public static class ArrivalPredictor
{
    /// <summary>The predicted arrival of <paramref name="order"/>; null for an order that is not on its way (pending or finished).</summary>
    public static DateTimeOffset? Predict(Order order, Supplier? supplier, Driver? driver, DateTimeOffset now, SlaOptions options)
    {
        var preparation = TimeSpan.FromMinutes(options.PreparationMinutes);
        var handover = TimeSpan.FromMinutes(options.HandoverMinutes);
        var toDoor = PickupToDoor(order, supplier, options);
        TimeSpan? left = order.Status switch
        {
            OrderStatus.SupplierAccepted or OrderStatus.CustomerAccepted => preparation + handover + toDoor,
            OrderStatus.Preparing => Remaining(preparation, order.PreparingAt, now) + handover + toDoor,
            OrderStatus.Ready => handover + toDoor,
            OrderStatus.Dispatched => (Drive(driver?.Latitude, driver?.Longitude, supplier?.Latitude, supplier?.Longitude, options) ?? handover) + toDoor,
            OrderStatus.InTransit => Drive(driver?.Latitude, driver?.Longitude, order.DeliveryLatitude, order.DeliveryLongitude, options)
                ?? Remaining(toDoor, order.InTransitAt, now),
            _ => null,
        };
        return left is { } remaining ? now + remaining : null;
    }

    /// <summary>The drive from the supplier to the customer: by distance when both places are known.</summary>
    private static TimeSpan PickupToDoor(Order order, Supplier? supplier, SlaOptions options) =>
        Drive(supplier?.Latitude, supplier?.Longitude, order.DeliveryLatitude, order.DeliveryLongitude, options)
        ?? TimeSpan.FromMinutes(options.DeliveryTravelMinutes);

    /// <summary>How long the straight line between two places takes at the assumed speed; null when either is unknown.</summary>
    private static TimeSpan? Drive(double? fromLatitude, double? fromLongitude, double? toLatitude, double? toLongitude, SlaOptions options) =>
        fromLatitude is { } lat1 && fromLongitude is { } lon1 && toLatitude is { } lat2 && toLongitude is { } lon2 && options.DriverSpeedKmh > 0
            ? TimeSpan.FromHours(DriverDistance.Between(lat1, lon1, lat2, lon2) / options.DriverSpeedKmh)
            : null;

    /// <summary>What is left of a stage of <paramref name="length"/> that began at <paramref name="since"/>; never less than nothing.</summary>
    private static TimeSpan Remaining(TimeSpan length, DateTimeOffset? since, DateTimeOffset now)
    {
        var left = since is { } start ? length - (now - start) : length;
        return left > TimeSpan.Zero ? left : TimeSpan.Zero;
    }
}
