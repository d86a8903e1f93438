using System.Globalization;

namespace OrderConsole.Components.Controls;

/// <summary>
/// Money as the console shows it: the configured currency's symbol and two decimals ("$16.25"). The currency is
/// the ISO code in <c>Display:Currency</c> (default USD); a code with no known symbol is shown as the code.
/// </summary>
public sealed class MoneyFormat
{
    public const string DefaultCurrency = "USD";

    public MoneyFormat(string? currency)
    {
        Currency = string.IsNullOrWhiteSpace(currency) ? DefaultCurrency : currency.Trim().ToUpperInvariant();
        Symbol = SymbolOf(Currency);
    }

    /// <summary>The ISO 4217 code, e.g. USD.</summary>
    public string Currency { get; }

    /// <summary>What goes before the amount, e.g. "$" or "€" (or "CHF " where the symbol is the code).</summary>
    public string Symbol { get; }

    public string Format(decimal amount) =>
        (amount < 0 ? "−" : string.Empty) + Symbol + Math.Abs(amount).ToString("0.00", CultureInfo.InvariantCulture);

    private static string SymbolOf(string currency)
    {
        // USD has several symbols across cultures ("US$"); the US one is the one its people read.
        if (currency == DefaultCurrency)
        {
            return "$";
        }

        var symbol = CultureInfo.GetCultures(CultureTypes.SpecificCultures)
            .Select(culture => new RegionInfo(culture.Name))
            .FirstOrDefault(region => region.ISOCurrencySymbol == currency)?.CurrencySymbol;
        return symbol is null || symbol == currency ? currency + " " : symbol;
    }
}
