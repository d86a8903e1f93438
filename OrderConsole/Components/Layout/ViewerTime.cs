using System.Globalization;

namespace OrderConsole.Components.Layout;

/// <summary>
/// The viewer's time zone, detected once from the browser by the layout and cascaded to every page and control,
/// so times read as the viewer's own clock. Until the browser has said, times are UTC and say so.
/// </summary>
public sealed record ViewerTime(TimeZoneInfo Zone)
{
    public static ViewerTime Utc { get; } = new(TimeZoneInfo.Utc);

    public bool IsUtc => Zone == TimeZoneInfo.Utc;

    /// <summary>The zone named by the browser (an IANA id such as "Europe/Rome"), or UTC when it is unknown here.</summary>
    public static ViewerTime FromBrowser(string? zoneId) =>
        zoneId is { Length: > 0 } && TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out var zone) ? new ViewerTime(zone) : Utc;

    public DateTimeOffset Local(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, Zone);

    /// <summary>A time of day on the viewer's clock, e.g. "16:10" (with " UTC" while the zone is UTC).</summary>
    public string Clock(DateTimeOffset at, string format = "HH:mm") =>
        Local(at).ToString(format, CultureInfo.InvariantCulture) + (IsUtc ? " UTC" : string.Empty);

    /// <summary>A full date and time on the viewer's clock, for titles: "2025-03-01 16:10:05 (Europe/Rome)".</summary>
    public string Exact(DateTimeOffset at) =>
        Local(at).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + (IsUtc ? " UTC" : $" ({Zone.Id})");
}
