namespace OrderConsole.Core.Settings;

/// <summary>
/// The marketplace's settings, kept in the store once an admin saves them: the currency prices are shown in, the
/// markup for orders that name none, how far past its estimated arrival an open order may run before it counts as
/// late, and the time zone reports and day boundaries ("completed today") are reckoned in.
/// </summary>
public sealed record ConsoleSettings
{
    public required string Currency { get; init; }
    public required decimal DefaultMarkupPercentage { get; init; }
    public required int LateThresholdMinutes { get; init; }

    /// <summary><see cref="LateThresholdMinutes"/> as the grace <c>OrderTiming</c> takes.</summary>
    public TimeSpan LateThreshold => TimeSpan.FromMinutes(LateThresholdMinutes);

    /// <summary>An IANA time zone id, e.g. <c>Europe/Rome</c>.</summary>
    public required string TimeZone { get; init; }

    /// <summary>The global auto-dispatch switch: off by default; on, each supplier that allows it has its ready orders dispatched.</summary>
    public bool AutoDispatch { get; init; }

    /// <summary>How far from the pickup auto-dispatch looks first; it widens once by <c>DriverChoice.WideningFactor</c>.</summary>
    public double AutoDispatchRadiusKm { get; init; } = DefaultAutoDispatchRadiusKm;

    public const double DefaultAutoDispatchRadiusKm = 3;
    public DateTimeOffset? UpdatedAt { get; init; }
    public string? UpdatedBy { get; init; }

    /// <summary>The zone of <see cref="TimeZone"/>; UTC for an id this machine does not know.</summary>
    public TimeZoneInfo Zone() => TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out var zone) ? zone : TimeZoneInfo.Utc;

    /// <summary>When the day that <paramref name="now"/> falls in began, in <see cref="TimeZone"/>.</summary>
    public DateTimeOffset StartOfDay(DateTimeOffset now)
    {
        var zone = Zone();
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var midnight = local.Date;
        return new DateTimeOffset(midnight, zone.GetUtcOffset(midnight));
    }
}
