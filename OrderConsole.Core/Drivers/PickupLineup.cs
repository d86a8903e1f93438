namespace OrderConsole.Core.Drivers;

/// <summary>A driver as the dispatch desk lists them for one pickup: their status, and their distance when both positions are known.</summary>
public sealed record DriverToPickup(Driver Driver, double? Kilometres);

/// <summary>
/// Every driver measured against one pickup location, nearest first (drivers without a known distance last, by
/// name), and the nearest available driver to suggest. Distances use <see cref="DriverDistance.Between"/>.
/// </summary>
public sealed record PickupLineup(IReadOnlyList<DriverToPickup> Drivers, DriverDistance? Suggested)
{
    /// <summary>Measures <paramref name="drivers"/> from the pickup; with no pickup location, nobody has a distance and nobody is suggested.</summary>
    public static PickupLineup For(IEnumerable<Driver> drivers, double? pickupLatitude, double? pickupLongitude)
    {
        List<DriverToPickup> lineup = [.. drivers
            .Select(driver => new DriverToPickup(driver, Measure(driver, pickupLatitude, pickupLongitude)))
            .OrderBy(entry => entry.Kilometres ?? double.PositiveInfinity)
            .ThenBy(entry => entry.Driver.Name, StringComparer.Ordinal)];
        var nearest = lineup.FirstOrDefault(entry => entry is { Kilometres: not null, Driver.Status: DriverStatus.Available });
        return new PickupLineup(lineup, nearest is null ? null : new DriverDistance(nearest.Driver, nearest.Kilometres!.Value));
    }

    private static double? Measure(Driver driver, double? latitude, double? longitude) =>
        (driver.Latitude, driver.Longitude, latitude, longitude) is ({ } fromLatitude, { } fromLongitude, { } toLatitude, { } toLongitude)
            ? DriverDistance.Between(toLatitude, toLongitude, fromLatitude, fromLongitude)
            : null;
}
