using MudBlazor;
using OrderConsole.Core.Live;
using OrderConsole.Core.Orders;

namespace OrderConsole.Components.Pages;

/// <summary>One page of orders for a grid: the search's matches, the grid's sort order (newest change first when none), and the page cut out of it.</summary>
public sealed record OrderPage(IReadOnlyList<Order> Items, int Total)
{
    /// <summary>
    /// What the All orders grid loads for one request of its server data: the read model's orders that
    /// <paramref name="search"/> matches (their order kept, newest change first), sorted by the grid's columns and paged.
    /// </summary>
    public static OrderPage Load(LiveOrders live, OrderSearch search, IEnumerable<SortDefinition<Order>> sorts, int page, int pageSize) =>
        Of(search.IsEverything ? live.Orders() : live.Orders(search.Matches), sorts, page, pageSize);

    /// <summary>Sorts and pages <paramref name="matching"/>, which comes newest change first (as the read model lists orders).</summary>
    public static OrderPage Of(IReadOnlyList<Order> matching, IEnumerable<SortDefinition<Order>> sorts, int page, int pageSize)
    {
        IOrderedEnumerable<Order>? sorted = null;
        foreach (var sort in sorts.OrderBy(sort => sort.Index))
        {
            var (key, comparer) = (sort.SortFunc, sort.Comparer);
            sorted = sorted is null
                ? (sort.Descending ? matching.OrderByDescending(key, comparer) : matching.OrderBy(key, comparer))
                : (sort.Descending ? sorted.ThenByDescending(key, comparer) : sorted.ThenBy(key, comparer));
        }

        // With no sort of the grid's, the read model's order (newest change first) stands: no second sort.
        var ordered = sorted ?? (IEnumerable<Order>)matching;
        return new OrderPage([.. ordered.Skip(page * pageSize).Take(pageSize)], matching.Count);
    }
}
