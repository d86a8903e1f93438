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

    // The console runs with invariant globalization (no culture data to ask), so the symbols people read are listed
    // here; USD has several across cultures ("US$"), and the US one is the one its people read.
    private static readonly Dictionary<string, string> s_symbols = new(StringComparer.Ordinal)
    {
        ["USD"] = "$", ["EUR"] = "€", ["GBP"] = "£", ["JPY"] = "¥", ["CNY"] = "¥", ["INR"] = "₹", ["KRW"] = "₩",
        ["BRL"] = "R$", ["CAD"] = "CA$", ["AUD"] = "A$", ["MXN"] = "MX$", ["NGN"] = "₦", ["TRY"] = "₺",
    };

    private static string SymbolOf(string currency) => s_symbols.GetValueOrDefault(currency) ?? currency + " ";
}
