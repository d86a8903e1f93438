using MudBlazor;
using OrderConsole.Core.Live;
using OrderConsole.Core.Orders;

namespace OrderConsole.Components.Pages;

/// <summary>One page of orders for a grid: the search rule, the grid's sort order (newest change first when none), and the page cut out of it.</summary>
public sealed record OrderPage(IReadOnlyList<Order> Items, int Total)
{
    /// <summary>Whether any of the fields people look orders up by contains <paramref name="search"/> (no search matches every order).</summary>
    public static bool Contains(Order order, string? search)
    {
        if (string.IsNullOrWhiteSpace(search))
        {
            return true;
        }

        var text = search.Trim();
        return new[] { order.SupplierTrackingId, order.TrackingId, order.SupplierName, order.CustomerName, order.DriverName }
                .Any(field => field?.Contains(text, StringComparison.OrdinalIgnoreCase) == true)
            || order.Items.Any(item => item.Name.Contains(text, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// What the All orders grid loads for one request of its server data: the read model's orders in
    /// <paramref name="status"/> (a wire name; empty for every status) matching <paramref name="search"/>, sorted and paged.
    /// </summary>
    public static OrderPage Load(LiveOrders live, string? status, string? search, IEnumerable<SortDefinition<Order>> sorts, int page, int pageSize)
    {
        var filtered = OrderStatusNames.TryParse(status, out var wanted);
        return Of(live.Orders(order => (!filtered || order.Status == wanted) && Contains(order, search)), sorts, page, pageSize);
    }

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
