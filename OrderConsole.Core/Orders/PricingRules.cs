namespace OrderConsole.Core.Orders;

/// <summary>
/// A supplier's fees and discount codes, on top of the marketplace's markup: a delivery fee (flat plus per km
/// from the pickup to the delivery coordinates when both are known) and a service fee in percent of the items' price.
/// </summary>
public sealed record PricingRules
{
    public decimal DeliveryFlatFee { get; init; }
    public decimal DeliveryFeePerKm { get; init; }
    public decimal ServiceFeePercentage { get; init; }
    public IReadOnlyList<DiscountCode> DiscountCodes { get; init; } = [];

    /// <summary>The rules of a supplier that has none: no fees, no codes.</summary>
    public static PricingRules None { get; } = new();
}

/// <summary>How a discount code takes off: a percentage of the items' price, or a fixed amount.</summary>
public enum DiscountKind
{
    Percent,
    Amount,
}

/// <summary>A code the customer can enter on an offer: valid from/until (either open), used at most <see cref="UsageLimit"/> times (null: no limit).</summary>
public sealed record DiscountCode(string Code, DiscountKind Kind, decimal Value)
{
    public DateTimeOffset? ValidFrom { get; init; }
    public DateTimeOffset? ValidUntil { get; init; }
    public int? UsageLimit { get; init; }
}

/// <summary>Finding the code a customer typed among a supplier's, as it stands at a given time.</summary>
public static class DiscountCodes
{
    public const string Field = "discount_code";

    /// <summary>The code <paramref name="typed"/> names (without letter case), or null when nothing was typed; refuses an unknown, not yet valid or expired code.</summary>
    public static DiscountCode? Find(PricingRules rules, string? typed, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(typed))
        {
            return null;
        }

        var wanted = typed.Trim();
        var code = rules.DiscountCodes.FirstOrDefault(candidate => string.Equals(candidate.Code, wanted, StringComparison.OrdinalIgnoreCase))
            ?? throw new OrderValidationException(Field, $"there is no discount code {wanted.ToUpperInvariant()} for this supplier; check the spelling");
        if (code.ValidFrom is { } from && now < from)
        {
            throw new OrderValidationException(Field, $"the discount code {code.Code} is valid from {Words(from)}");
        }

        if (code.ValidUntil is { } until && now >= until)
        {
            throw new OrderValidationException(Field, $"the discount code {code.Code} expired on {Words(until)}");
        }

        return code;
    }

    private static string Words(DateTimeOffset at) => at.UtcDateTime.ToString("d MMMM yyyy, HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture);
}
