using System.Collections.Concurrent;
using System.Globalization;

namespace OrderConsole.Components.Controls;

/// <summary>
/// Money as the console shows it: the currency's symbol and two decimals ("$16.25"). The currency is the ISO code
/// the settings have now (configuration's <c>Display:Currency</c> until an admin saves one; default USD), read on
/// every call so a saved change shows at the next render; a code with no known symbol is shown as the code.
/// </summary>
public sealed class MoneyFormat
{
    public const string DefaultCurrency = "USD";

    private static readonly ConcurrentDictionary<string, string> s_symbols = new(StringComparer.Ordinal);
    private readonly Func<string?> _currency;

    /// <summary>Money in one fixed currency (or the default for none).</summary>
    public MoneyFormat(string? currency) => _currency = () => currency;

    private MoneyFormat(Func<string?> currency) => _currency = currency;

    /// <summary>Money in whatever currency <paramref name="currency"/> answers at each call.</summary>
    public static MoneyFormat Following(Func<string?> currency) => new(currency);

    /// <summary>The ISO 4217 code, e.g. USD.</summary>
    public string Currency => _currency() is { Length: > 0 } code && !string.IsNullOrWhiteSpace(code) ? code.Trim().ToUpperInvariant() : DefaultCurrency;

    /// <summary>What goes before the amount, e.g. "$" or "€" (or "CHF " where the symbol is the code).</summary>
    public string Symbol => s_symbols.GetOrAdd(Currency, SymbolOf);

    public string Format(decimal amount) =>
        (amount < 0 ? "−" : string.Empty) + Symbol + Math.Abs(amount).ToString("0.00", CultureInfo.InvariantCulture);

    // The console runs with invariant globalization, where the platform knows no currency symbols: the common
    // ones are listed here, any other code is shown as the code ("CHF 16.25").
    private static readonly Dictionary<string, string> s_knownSymbols = new(StringComparer.Ordinal)
    {
        [DefaultCurrency] = "$", ["EUR"] = "€", ["GBP"] = "£", ["JPY"] = "¥", ["INR"] = "₹", ["KRW"] = "₩",
        ["ILS"] = "₪", ["NGN"] = "₦", ["PHP"] = "₱", ["VND"] = "₫", ["UAH"] = "₴", ["TRY"] = "₺",
    };

    private static string SymbolOf(string currency) => s_knownSymbols.GetValueOrDefault(currency) ?? currency + " ";
}
