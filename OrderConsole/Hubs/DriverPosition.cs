namespace OrderConsole.Hubs;

/// <summary>Where a driver is, as their app reported it: degrees, metres per second, degrees from north, metres.</summary>
public sealed record DriverPosition(
    string DriverId, double Latitude, double Longitude, double? Speed, double? Heading, double? Accuracy, DateTimeOffset ReportedAt);
