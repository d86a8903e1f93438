using System.Globalization;
using OrderConsole.Core.Orders;

namespace OrderConsole.Core.Settings;

/// <summary>What makes settings valid, one rule and one message per field, all checked before anything is saved.</summary>
public static class SettingsRules
{
    public const int MaxLateThresholdMinutes = 24 * 60;
    public const double MinAutoDispatchRadiusKm = 0.1;
    public const double MaxAutoDispatchRadiusKm = 100;

    /// <summary>Every problem of <paramref name="settings"/> by wire field name; empty when they may be saved.</summary>
    public static IReadOnlyList<(string Field, string Message)> Problems(ConsoleSettings settings)
    {
        var problems = new List<(string, string)>();
        if (CurrencyProblem(settings.Currency) is { } currency)
        {
            problems.Add(("currency", currency));
        }

        if (settings.DefaultMarkupPercentage is < 0m or > Pricing.MaxMarkupPercentage)
        {
            problems.Add(("default_markup_percentage",
                $"the default markup must be between 0 and {Pricing.MaxMarkupPercentage:0} %; it was {settings.DefaultMarkupPercentage.ToString(CultureInfo.InvariantCulture)}"));
        }

        if (settings.LateThresholdMinutes is < 1 or > MaxLateThresholdMinutes)
        {
            problems.Add(("late_threshold_minutes",
                $"the late threshold must be between 1 and {MaxLateThresholdMinutes} minutes; it was {settings.LateThresholdMinutes}"));
        }

        if (settings.AutoDispatchRadiusKm is not (>= MinAutoDispatchRadiusKm and <= MaxAutoDispatchRadiusKm))
        {
            problems.Add(("auto_dispatch_radius_km",
                $"the auto-dispatch radius must be between {MinAutoDispatchRadiusKm.ToString(CultureInfo.InvariantCulture)} and {MaxAutoDispatchRadiusKm} km; it was {settings.AutoDispatchRadiusKm.ToString(CultureInfo.InvariantCulture)}"));
        }

        if (TimeZoneProblem(settings.TimeZone) is { } zone)
        {
            problems.Add(("time_zone", zone));
        }

        return problems;
    }

    /// <summary>Throws <see cref="OrderValidationException"/> for the first problem, naming its field.</summary>
    public static ConsoleSettings Ensure(ConsoleSettings settings)
    {
        var normalized = settings with { Currency = settings.Currency?.Trim().ToUpperInvariant() ?? string.Empty, TimeZone = settings.TimeZone?.Trim() ?? string.Empty };
        return Problems(normalized) is [var (field, message), ..] ? throw new OrderValidationException(field, message) : normalized;
    }

    private static string? CurrencyProblem(string? currency) =>
        string.IsNullOrWhiteSpace(currency) ? "the currency is required: an ISO 4217 code such as USD or EUR"
        : CurrencyCodes.IsKnown(currency) ? null
        : $"\"{currency}\" is not an ISO 4217 currency code; use one such as USD, EUR or GBP";

    private static string? TimeZoneProblem(string? id)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            return "the time zone is required: an IANA id such as Europe/Rome or America/New_York";
        }

        return TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) && zone.HasIanaId
            ? null
            : $"\"{id}\" is not an IANA time zone id; use one such as Europe/Rome, America/New_York or UTC";
    }
}
