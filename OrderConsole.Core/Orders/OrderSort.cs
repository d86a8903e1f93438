namespace OrderConsole.Core.Orders;

/// <summary>What an order list is sorted by.</summary>
public enum OrderSort
{
    Changed,
    Created,
    Code,
    Customer,
    Supplier,
    Driver,
    Status,
    Total,
}

/// <summary>The sort keys of <see cref="OrderSort"/> and their names on the wire (<c>sort=created</c>, <c>sort=-created</c>).</summary>
public static class OrderSorts
{
    private static readonly Dictionary<string, OrderSort> s_byName = Enum.GetValues<OrderSort>()
        .ToDictionary(sort => WireName(sort), sort => sort, StringComparer.OrdinalIgnoreCase);

    /// <summary>Orders keys of different types alike (text ordinal ignoring case, numbers and times by value); nulls first.</summary>
    public static IComparer<object?> Comparer { get; } = Comparer<object?>.Create(static (left, right) => (left, right) switch
    {
        (null, null) => 0,
        (null, _) => -1,
        (_, null) => 1,
        (string a, string b) => StringComparer.OrdinalIgnoreCase.Compare(a, b),
        (IComparable a, _) => a.CompareTo(right),
        _ => 0,
    });

    public static IEnumerable<string> Names => s_byName.Keys;

    public static string WireName(OrderSort sort) => sort.ToString().ToLowerInvariant();

    public static bool TryParse(string? name, out OrderSort sort) => s_byName.TryGetValue(name?.Trim() ?? string.Empty, out sort);

    public static Func<Order, object?> Key(OrderSort sort) => sort switch
    {
        OrderSort.Created => order => order.CreatedAt,
        OrderSort.Code => order => order.SupplierTrackingId,
        OrderSort.Customer => order => order.CustomerName,
        OrderSort.Supplier => order => order.SupplierName,
        OrderSort.Driver => order => order.DriverName,
        OrderSort.Status => order => order.Status,
        OrderSort.Total => order => order.CustomerPrice ?? order.SupplierPrice,
        _ => order => OrderChangeScore(order),
    };

    // The same key as the store's "newest change first" listing (microseconds since the epoch).
    private static long OrderChangeScore(Order order) => (order.UpdatedAt.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10;
}
