namespace OrderConsole.Core.Drivers;

/// <summary>A driver and how far they are from a place, in kilometres along the earth's surface.</summary>
public sealed record DriverDistance(Driver Driver, double Kilometres)
{
    private const double EarthRadiusKm = 6372.797560856; // the radius Redis uses for its geo commands

    /// <summary>Great-circle (haversine) distance between two positions.</summary>
    public static double Between(double latitude1, double longitude1, double latitude2, double longitude2)
    {
        static double Radians(double degrees) => degrees * Math.PI / 180d;
        var halfLatitude = Math.Sin(Radians(latitude2 - latitude1) / 2);
        var halfLongitude = Math.Sin(Radians(longitude2 - longitude1) / 2);
        var a = (halfLatitude * halfLatitude) + (Math.Cos(Radians(latitude1)) * Math.Cos(Radians(latitude2)) * halfLongitude * halfLongitude);
        return 2 * EarthRadiusKm * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }
}
