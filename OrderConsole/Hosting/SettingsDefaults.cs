using OrderConsole.Components.Controls;
using OrderConsole.Core.Orders;
using OrderConsole.Core.Settings;

namespace OrderConsole.Hosting;

/// <summary>
/// The settings configuration gives before an admin saves any: <c>Display:Currency</c>, <c>Pricing:DefaultMarkupPercentage</c>,
/// <c>Orders:LateThresholdMinutes</c> and <c>Display:TimeZone</c>. Once saved, the stored settings win.
/// </summary>
public static class SettingsDefaults
{
    public const int DefaultLateThresholdMinutes = 10;
    public const string DefaultTimeZone = "UTC";

    public static ConsoleSettings From(IConfiguration configuration) => new()
    {
        Currency = configuration["Display:Currency"] is { Length: > 0 } currency ? currency.Trim().ToUpperInvariant() : MoneyFormat.DefaultCurrency,
        DefaultMarkupPercentage = configuration.GetValue("Pricing:DefaultMarkupPercentage", Pricing.DefaultMarkupPercentage),
        LateThresholdMinutes = configuration.GetValue("Orders:LateThresholdMinutes", DefaultLateThresholdMinutes),
        TimeZone = configuration["Display:TimeZone"] is { Length: > 0 } zone ? zone.Trim() : DefaultTimeZone,
    };
}
