namespace OrderConsole.Core.Orders;

/// <summary>An item of the order has too little stock left for it; nothing was accepted.</summary>
public sealed class OutOfStockException(string item, int left, int wanted) : OrderDomainException(Describe(item, left.ToString(System.Globalization.CultureInfo.InvariantCulture), wanted.ToString(System.Globalization.CultureInfo.InvariantCulture)))
{
    public string Item { get; } = item;
    public int Left { get; } = left;

    /// <summary>The words, from already formatted parts (the Redis scripts build the same words from these).</summary>
    public static string Describe(string item, string left, string wanted) =>
        $"{item} is out of stock: {left} left, and this order needs {wanted}; the supplier can restock it";
}

/// <summary>A discount code has been used as often as its limit allows; nothing was accepted.</summary>
public sealed class DiscountUsedUpException(string code, int limit) : OrderDomainException(Describe(code, limit.ToString(System.Globalization.CultureInfo.InvariantCulture)))
{
    public const string Field = "discount_code";

    public static string Describe(string code, string limit) => $"the discount code {code} has been used up (its limit is {limit} uses); remove it or try another";
}
