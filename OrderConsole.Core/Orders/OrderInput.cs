using System.Text.RegularExpressions;

namespace OrderConsole.Core.Orders;

/// <summary>The rules for values people type: required text, lengths, phone numbers, minutes, quantities.</summary>
public static partial class OrderInput
{
    public const int MaxNameLength = 100;
    public const int MaxTextLength = 500;
    public const int MaxAddressLength = 300;
    public const int MaxEstimatedMinutes = 600;
    public const int MaxItems = 50;
    public const int MaxQuantity = 100;

    /// <summary>
    /// Trims <paramref name="value"/> and checks it is present, short enough and plain text (see <see cref="PlainText"/>);
    /// <paramref name="multiLine"/> fields may hold line breaks.
    /// </summary>
    public static string Required(string? value, string field, int maxLength, bool multiLine = false)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            throw new OrderValidationException(field, $"{Words(field)} is required");
        }

        return PlainText(MaxLength(trimmed, field, maxLength), field, multiLine);
    }

    /// <summary>Trims <paramref name="value"/>; empty becomes null; checks the length and that it is plain text.</summary>
    public static string? Optional(string? value, string field, int maxLength, bool multiLine = false)
    {
        var trimmed = value?.Trim();
        return string.IsNullOrEmpty(trimmed) ? null : PlainText(MaxLength(trimmed, field, maxLength), field, multiLine);
    }

    /// <summary>
    /// Refuses control characters (a line break only where <paramref name="multiLine"/>) and the Unicode
    /// direction overrides, embeddings and isolates, which make text display differently from what it says.
    /// </summary>
    public static string PlainText(string value, string field, bool multiLine = false)
    {
        foreach (var c in value)
        {
            if (multiLine && c is '\n' or '\r')
            {
                continue;
            }

            if (char.IsControl(c))
            {
                throw new OrderValidationException(field, $"{Words(field)} contains a control character (U+{(int)c:X4}); use plain text");
            }

            if (c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069')
            {
                throw new OrderValidationException(
                    field, $"{Words(field)} contains a text-direction control (U+{(int)c:X4}), which makes it display differently from what it says; remove it");
            }
        }

        return value;
    }

    public static string? Phone(string? value, string field = "customer_phone")
    {
        var phone = Optional(value, field, 30);
        if (phone is not null && !PhonePattern().IsMatch(phone))
        {
            throw new OrderValidationException(field, $"\"{phone}\" is not a phone number: use digits, spaces, dashes, brackets and an optional leading +");
        }

        return phone;
    }

    public static int EstimatedMinutes(int? minutes)
    {
        if (minutes is not { } value || value < 1 || value > MaxEstimatedMinutes)
        {
            throw new OrderValidationException("estimated_time", $"the estimated time must be between 1 and {MaxEstimatedMinutes} minutes");
        }

        return value;
    }

    public static IReadOnlyList<OrderItem> Items(IReadOnlyList<OrderItem>? items)
    {
        if (items is null || items.Count == 0)
        {
            throw new OrderValidationException("items", "an order needs at least one item");
        }

        if (items.Count > MaxItems)
        {
            throw new OrderValidationException("items", $"an order may have at most {MaxItems} items");
        }

        return [.. items.Select(item =>
        {
            var name = Required(item.Name, "pizza_name", MaxNameLength);
            if (item.Quantity < 1 || item.Quantity > MaxQuantity)
            {
                throw new OrderValidationException("quantity", $"the quantity of {name} must be between 1 and {MaxQuantity}");
            }

            Pricing.EnsureSupplierPrice(item.UnitPrice, "unit_price");
            return item with { Name = name };
        })];
    }

    private static string MaxLength(string value, string field, int maxLength) =>
        value.Length <= maxLength
            ? value
            : throw new OrderValidationException(field, $"{Words(field)} must be at most {maxLength} characters; it has {value.Length}");

    private static string Words(string field)
    {
        var words = field.Replace('_', ' ');
        return char.ToUpperInvariant(words[0]) + words[1..];
    }

    [GeneratedRegex(@"^\+?[0-9(][0-9 ()\-]{5,24}$")]
    private static partial Regex PhonePattern();
}
