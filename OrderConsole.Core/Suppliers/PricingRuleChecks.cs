using System.Globalization;
using OrderConsole.Core.Orders;

namespace OrderConsole.Core.Suppliers;

/// <summary>
/// What makes a supplier's pricing rules valid: fees in whole cents within bounds, a service fee of 0–100 %, and codes
/// of 3–20 letters or digits, unique without letter case, each with a sensible value, window and limit.
/// Each refusal names its field (<c>discount_codes[1].value</c>).
/// </summary>
public static class PricingRuleChecks
{
    public const decimal MaxDeliveryFee = 1_000m;
    public const decimal MaxFeePerKm = 100m;

    public static PricingRules Ensure(PricingRules rules)
    {
        Money(rules.DeliveryFlatFee, "delivery_flat_fee", MaxDeliveryFee);
        Money(rules.DeliveryFeePerKm, "delivery_fee_per_km", MaxFeePerKm);
        if (rules.ServiceFeePercentage is < 0m or > 100m)
        {
            throw new OrderValidationException("service_fee_percentage", $"the service fee must be between 0 and 100 %; it was {rules.ServiceFeePercentage} %");
        }

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var codes = new List<DiscountCode>(rules.DiscountCodes.Count);
        for (var index = 0; index < rules.DiscountCodes.Count; index++)
        {
            var code = rules.DiscountCodes[index];
            var field = $"discount_codes[{index}]";
            var text = code.Code?.Trim() ?? string.Empty;
            if (text.Length is < 3 or > 20 || !text.All(char.IsAsciiLetterOrDigit))
            {
                throw new OrderValidationException($"{field}.code", "a discount code must be 3 to 20 letters or digits, such as WELCOME10");
            }

            if (!seen.Add(text))
            {
                throw new OrderValidationException($"{field}.code", $"the discount code {text.ToUpperInvariant()} is listed twice");
            }

            if (code.Kind == DiscountKind.Percent && code.Value is <= 0m or > 100m)
            {
                throw new OrderValidationException($"{field}.value", $"a percent discount must be more than 0 and at most 100 %; it was {code.Value} %");
            }

            if (code.Kind == DiscountKind.Amount)
            {
                Money(code.Value, $"{field}.value", Pricing.MaxSupplierPrice);
                if (code.Value == 0m)
                {
                    throw new OrderValidationException($"{field}.value", "an amount discount must be more than 0");
                }
            }

            if (code.ValidFrom is { } from && code.ValidUntil is { } until && until <= from)
            {
                throw new OrderValidationException($"{field}.valid_until", "a discount code must end after it starts");
            }

            if (code.UsageLimit is < 1)
            {
                throw new OrderValidationException($"{field}.usage_limit", "a usage limit must be at least 1, or left out for no limit");
            }

            codes.Add(code with { Code = text.ToUpperInvariant() });
        }

        return rules with { DiscountCodes = codes };
    }

    private static void Money(decimal amount, string field, decimal max)
    {
        if (amount < 0m || amount > max)
        {
            throw new OrderValidationException(field, $"the amount must be between 0 and {max.ToString("0", CultureInfo.InvariantCulture)}; it was {amount}");
        }

        if (amount != Pricing.RoundToCents(amount))
        {
            throw new OrderValidationException(field, $"the amount must be in whole cents; {amount} has more than two decimals");
        }
    }
}
