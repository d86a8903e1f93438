using OrderConsole.Core.Live;
using OrderConsole.Core.Orders;

namespace OrderConsole.Components.Pages;

/// <summary>One page of orders for All orders: the search's matches, the chosen sort (newest change first when none), and the page cut out of it.</summary>
public sealed record OrderPage(IReadOnlyList<Order> Items, int Total)
{
    /// <summary>
    /// The page of the read model's orders that <paramref name="search"/> matches (their order kept, newest change
    /// first), sorted by <paramref name="sort"/> when there is one.
    /// </summary>
    public static OrderPage Load(LiveOrders live, OrderSearch search, ColumnSort? sort, int page, int pageSize) =>
        Of(search.IsEverything ? live.Orders() : live.Orders(search.Matches), sort, page, pageSize);

    /// <summary>Sorts and pages <paramref name="matching"/>, which comes newest change first (as the read model lists orders).</summary>
    public static OrderPage Of(IReadOnlyList<Order> matching, ColumnSort? sort, int page, int pageSize)
    {
        // With no sort, the read model's order (newest change first) stands: no second sort.
        var ordered = sort is { Column.SortKey: { } by }
            ? sort.Descending ? matching.OrderByDescending(OrderSorts.Key(by), OrderSorts.Comparer) : matching.OrderBy(OrderSorts.Key(by), OrderSorts.Comparer)
            : (IEnumerable<Order>)matching;
        return new OrderPage([.. ordered.Skip(page * pageSize).Take(pageSize)], matching.Count);
    }

    /// <summary>The last page's index for <paramref name="total"/> orders (0 when there are none).</summary>
    public static int LastIndex(int total, int pageSize) => Math.Max(0, (total - 1) / pageSize);
}
