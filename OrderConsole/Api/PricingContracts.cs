using OrderConsole.Core.Orders;
using OrderConsole.Core.Suppliers;

namespace OrderConsole.Api;

/// <summary><c>PUT /api/suppliers/{id}/stock</c>: one item's stock level (a whole number from 0).</summary>
public sealed record StockRequest(string? Item, int? Quantity);

/// <summary>One item's stock as the API shows it: <see cref="Low"/> at or below the threshold.</summary>
public sealed record StockView(string Item, int Quantity, bool Low, bool OutOfStock)
{
    public static StockView From(StockLevel level) => new(level.Item, level.Quantity, level.IsLow, level.IsOut);
}

/// <summary><c>GET /api/suppliers/{id}/stock</c>: the items with a stock level (any other item is unlimited).</summary>
public sealed record StockList(IReadOnlyList<StockView> Items, int LowStockThreshold)
{
    public static StockList From(IEnumerable<StockLevel> levels) => new([.. levels.Select(StockView.From)], StockRules.LowStockThreshold);
}

/// <summary><c>PUT /api/suppliers/{id}/pricing</c>: the supplier's fees and discount codes, replaced whole (left out: 0 and none).</summary>
public sealed record PricingRequest
{
    public decimal? DeliveryFlatFee { get; init; }
    public decimal? DeliveryFeePerKm { get; init; }
    public decimal? ServiceFeePercentage { get; init; }
    public IReadOnlyList<DiscountCodeRequest>? DiscountCodes { get; init; }

    public PricingRules ToRules() => new()
    {
        DeliveryFlatFee = DeliveryFlatFee ?? 0m,
        DeliveryFeePerKm = DeliveryFeePerKm ?? 0m,
        ServiceFeePercentage = ServiceFeePercentage ?? 0m,
        DiscountCodes = [.. (DiscountCodes ?? []).Select((code, index) => code.ToCode(index))],
    };
}

/// <summary>One discount code in a <see cref="PricingRequest"/>: <c>kind</c> percent or amount.</summary>
public sealed record DiscountCodeRequest
{
    public string? Code { get; init; }
    public DiscountKind? Kind { get; init; }
    public decimal? Value { get; init; }
    public DateTimeOffset? ValidFrom { get; init; }
    public DateTimeOffset? ValidUntil { get; init; }
    public int? UsageLimit { get; init; }

    public DiscountCode ToCode(int index) =>
        new(Code ?? string.Empty,
            Kind ?? throw new OrderValidationException($"discount_codes[{index}].kind", "a discount code needs a kind: percent or amount"),
            Value ?? throw new OrderValidationException($"discount_codes[{index}].value", "a discount code needs a value"))
        {
            ValidFrom = ValidFrom,
            ValidUntil = ValidUntil,
            UsageLimit = UsageLimit,
        };
}

/// <summary>A supplier's pricing rules as the API shows them, each code with how often it has been used.</summary>
public sealed record PricingView(decimal DeliveryFlatFee, decimal DeliveryFeePerKm, decimal ServiceFeePercentage, IReadOnlyList<DiscountCodeView> DiscountCodes)
{
    public static PricingView From(Supplier supplier, IReadOnlyDictionary<string, int> uses)
    {
        var rules = supplier.PricingRules ?? PricingRules.None;
        return new(rules.DeliveryFlatFee, rules.DeliveryFeePerKm, rules.ServiceFeePercentage,
            [.. rules.DiscountCodes.Select(code => new DiscountCodeView(
                code.Code, code.Kind, code.Value, code.ValidFrom, code.ValidUntil, code.UsageLimit, uses.GetValueOrDefault(code.Code)))]);
    }
}

/// <summary>A discount code with its uses so far.</summary>
public sealed record DiscountCodeView(
    string Code, DiscountKind Kind, decimal Value, DateTimeOffset? ValidFrom, DateTimeOffset? ValidUntil, int? UsageLimit, int Uses);
