using Microsoft.AspNetCore.SignalR;

namespace OrderConsole.Hubs;

/// <summary>What a position report must be: a place on Earth, a speed a vehicle can have, a compass heading, a plausible accuracy.</summary>
public static class PositionRules
{
    /// <summary>About 360 km/h: anything faster is a broken sensor, not a delivery.</summary>
    public const double MaxSpeed = 100;

    public const double MaxAccuracy = 10_000;

    public static void Check(double latitude, double longitude, double? speed, double? heading, double? accuracy)
    {
        if (!double.IsFinite(latitude) || latitude is < -90 or > 90)
        {
            throw new HubException($"the latitude must be between -90 and 90 degrees; {Show(latitude)} is not");
        }

        if (!double.IsFinite(longitude) || longitude is < -180 or > 180)
        {
            throw new HubException($"the longitude must be between -180 and 180 degrees; {Show(longitude)} is not");
        }

        if (speed is { } metresPerSecond && (!double.IsFinite(metresPerSecond) || metresPerSecond is < 0 or > MaxSpeed))
        {
            throw new HubException($"the speed is in metres per second, from 0 to {MaxSpeed}; {Show(metresPerSecond)} is not");
        }

        if (heading is { } degrees && (!double.IsFinite(degrees) || degrees is < 0 or >= 360))
        {
            throw new HubException($"the heading is in degrees clockwise from north, from 0 up to 360; {Show(degrees)} is not");
        }

        if (accuracy is { } metres && (!double.IsFinite(metres) || metres is <= 0 or > MaxAccuracy))
        {
            throw new HubException($"the accuracy is a radius in metres, above 0 and at most {MaxAccuracy:N0}; {Show(metres)} is not");
        }
    }

    private static string Show(double value) => value.ToString("G", System.Globalization.CultureInfo.InvariantCulture);
}
