using System.Globalization;

namespace OrderConsole.Components.Controls;

/// <summary>What a marker on a <see cref="LiveMap"/> stands for; each kind has its own colour and legend line.</summary>
public enum MapMarkerKind
{
    AvailableDriver,
    BusyDriver,
    DriverOnBreak,
    OfflineDriver,
    Pickup,
    Destination,
}

/// <summary>
/// One marker: a stable <paramref name="Id"/> (the same driver keeps the same marker, so a move moves it), its kind,
/// where it is, and what it is in words (<c>"Ana Lopez, busy with LUI-4"</c>) for its tooltip and the map's list.
/// </summary>
public sealed record MapMarker(string Id, MapMarkerKind Kind, double Latitude, double Longitude, string Label)
{
    /// <summary>The position as the map's list shows it: five decimals, about a metre.</summary>
    public string Coordinates => string.Create(CultureInfo.InvariantCulture, $"{Latitude:F5}, {Longitude:F5}");

    /// <summary>The kind as a CSS class suffix and JS name: <c>available-driver</c>.</summary>
    public string KindName => KindNameOf(Kind);

    public static string KindNameOf(MapMarkerKind kind) => kind switch
    {
        MapMarkerKind.AvailableDriver => "available-driver",
        MapMarkerKind.BusyDriver => "busy-driver",
        MapMarkerKind.DriverOnBreak => "on-break-driver",
        MapMarkerKind.OfflineDriver => "offline-driver",
        MapMarkerKind.Pickup => "pickup",
        _ => "destination",
    };

    /// <summary>The legend's words for a kind.</summary>
    public static string LegendOf(MapMarkerKind kind) => kind switch
    {
        MapMarkerKind.AvailableDriver => "Driver, available",
        MapMarkerKind.BusyDriver => "Driver, on a delivery",
        MapMarkerKind.DriverOnBreak => "Driver, on break",
        MapMarkerKind.OfflineDriver => "Driver, offline",
        MapMarkerKind.Pickup => "Pickup",
        _ => "Destination",
    };
}
