using System.Globalization;

namespace OrderConsole.Components.Controls;

/// <summary>
/// Reads numbers as people type them into text fields, without guessing: "12.50" is a price, "abc", "" or "1e3"
/// are not, and nothing is rounded, clamped or replaced by a default on the way.
/// </summary>
public static class FormNumbers
{
    private const NumberStyles Decimal = NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite | NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint;
    private const NumberStyles Whole = NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite | NumberStyles.AllowLeadingSign;

    public static bool IsBlank(string? text) => string.IsNullOrWhiteSpace(text);

    public static decimal? ParseDecimal(string? text) =>
        decimal.TryParse(text, Decimal, CultureInfo.InvariantCulture, out var value) ? value : null;

    public static int? ParseWhole(string? text) =>
        int.TryParse(text, Whole, CultureInfo.InvariantCulture, out var value) ? value : null;

    public static double? ParseCoordinate(string? text) =>
        double.TryParse(text, Decimal, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) ? value : null;
}
