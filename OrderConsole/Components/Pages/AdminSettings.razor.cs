using System.Globalization;
using Microsoft.AspNetCore.Components;
using OrderConsole.Components.Controls;
using OrderConsole.Core.Live;
using OrderConsole.Core.Orders;
using OrderConsole.Core.Settings;

namespace OrderConsole.Components.Pages;

/// <summary>The admin's settings page: the currency, default markup, late threshold, time zone and auto-dispatch, every message beside its field.</summary>
public partial class AdminSettings : LivePage
{
    private const string CurrencyField = "currency";
    private const string MarkupField = "default_markup_percentage";
    private const string LateThresholdField = "late_threshold_minutes";
    private const string TimeZoneField = "time_zone";
    private const string RadiusField = "auto_dispatch_radius_km";

    private ConsoleSettings _inForce = default!;
    private string? _currency;
    private string? _markup;
    private string? _lateThreshold;
    private string? _timeZone;
    private bool _autoDispatch;
    private string? _radius;
    private bool _drafted;

    [Inject] private CurrentSettings Settings { get; set; } = default!;

    [Inject] private MoneyFormat Money { get; set; } = default!;

    protected override Role Desk => Role.Admin;

    protected override LiveFilter Filter => LiveFilter.Settings;

    protected override void Refresh()
    {
        _inForce = Settings.Value;
        if (!_drafted)
        {
            // The form starts from what is in force; afterwards a change saved elsewhere shows beside it, not over the draft.
            _currency = _inForce.Currency;
            _markup = _inForce.DefaultMarkupPercentage.ToString("0.##", CultureInfo.InvariantCulture);
            _lateThreshold = _inForce.LateThresholdMinutes.ToString(CultureInfo.InvariantCulture);
            _timeZone = _inForce.TimeZone;
            _autoDispatch = _inForce.AutoDispatch;
            _radius = _inForce.AutoDispatchRadiusKm.ToString("0.##", CultureInfo.InvariantCulture);
            _drafted = true;
        }
    }

    private async Task SaveAsync()
    {
        Errors.Clear();
        var markup = FormNumbers.ParseDecimal(_markup);
        var threshold = FormNumbers.ParseWhole(_lateThreshold);
        if (markup is null)
        {
            Errors.Set(MarkupField, "Enter the markup as a number, e.g. 30 or 12.5");
        }

        var radius = FormNumbers.ParseDecimal(_radius);
        if (radius is null)
        {
            Errors.Set(RadiusField, "Enter the radius as a number of kilometres, e.g. 3 or 2.5");
        }

        if (threshold is null)
        {
            Errors.Set(LateThresholdField, "Enter the threshold as a whole number of minutes, e.g. 10");
        }

        var draft = new ConsoleSettings
        {
            Currency = _currency?.Trim().ToUpperInvariant() ?? string.Empty,
            DefaultMarkupPercentage = markup ?? 0m,
            LateThresholdMinutes = threshold ?? 1,
            TimeZone = _timeZone?.Trim() ?? string.Empty,
            AutoDispatch = _autoDispatch,
            AutoDispatchRadiusKm = (double)(radius ?? 1m),
        };
        foreach (var (field, message) in SettingsRules.Problems(draft).Where(problem => !Errors.Has(problem.Field)))
        {
            Errors.Set(field, char.ToUpperInvariant(message[0]) + message[1..]);
        }

        if (Errors.Any)
        {
            return;
        }

        await RunAsync("Settings saved; every console follows them now", () => Orders.SaveSettingsAsync(Actor, draft));
    }
}
