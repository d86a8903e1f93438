namespace OrderConsole.Core.Orders;

/// <summary>The pricing rule: the customer pays the supplier's price plus the markup, in cents, rounded half away from zero.</summary>
public static class Pricing
{
    public const decimal DefaultMarkupPercentage = 30m;
    public const decimal MaxMarkupPercentage = 500m;
    public const decimal MaxSupplierPrice = 100_000m;

    public static decimal CustomerPrice(decimal supplierPrice, decimal markupPercentage)
    {
        EnsureSupplierPrice(supplierPrice);
        EnsureMarkup(markupPercentage);
        return RoundToCents(supplierPrice * (1m + (markupPercentage / 100m)));
    }

    public static decimal RoundToCents(decimal amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero);

    public static void EnsureSupplierPrice(decimal supplierPrice, string field = "supplier_price")
    {
        if (supplierPrice <= 0m || supplierPrice > MaxSupplierPrice)
        {
            throw new OrderValidationException(field, $"the price must be more than 0 and at most {MaxSupplierPrice:0}; it was {supplierPrice}");
        }

        if (supplierPrice != RoundToCents(supplierPrice))
        {
            throw new OrderValidationException(field, $"the price must be in whole cents; {supplierPrice} has more than two decimals");
        }
    }

    public static void EnsureMarkup(decimal markupPercentage)
    {
        if (markupPercentage < 0m || markupPercentage > MaxMarkupPercentage)
        {
            throw new OrderValidationException("markup_percentage", $"the markup must be between 0 and {MaxMarkupPercentage:0} %; it was {markupPercentage} %");
        }
    }
}
