using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;
using OrderConsole.Core.Orders;

namespace OrderConsole.Components.Pages;

/// <summary>
/// The All orders page's filters as a person sets them, and as the page's address carries them: the same query
/// parameters as <c>GET /api/orders</c> (<c>q</c>, <c>status</c>, <c>supplier_id</c>, <c>driver_id</c>, <c>created_from</c>,
/// <c>created_to</c>), so a copied link reproduces the view and the CSV export link takes them as they are.
/// </summary>
public sealed record OrderFilters
{
    public string? Text { get; init; }

    public IReadOnlySet<OrderStatus> Statuses { get; init; } = new HashSet<OrderStatus>();

    public string? SupplierId { get; init; }

    public string? DriverId { get; init; }

    public DateOnly? CreatedFrom { get; init; }

    public DateOnly? CreatedTo { get; init; }

    public bool IsEmpty => ToQuery().Count == 0;

    /// <summary>What is wrong with the day range, in words, or null: the last day must not come before the first.</summary>
    public string? RangeProblem =>
        CreatedFrom > CreatedTo ? $"The last day ({CreatedTo:yyyy-MM-dd}) is before the first ({CreatedFrom:yyyy-MM-dd}); pick a later day." : null;

    /// <summary>The filters an address's query names; values that make no sense are left out, as if not set.</summary>
    public static OrderFilters FromQuery(string query)
    {
        var values = QueryHelpers.ParseQuery(query);
        string? One(string name) => values.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value.ToString()) ? value.ToString().Trim() : null;
        DateOnly? Day(string name) =>
            DateOnly.TryParseExact(One(name), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

        var statuses = new HashSet<OrderStatus>();
        foreach (var name in (One("status") ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (OrderStatusNames.TryParse(name, out var status))
            {
                statuses.Add(status);
            }
        }

        return new OrderFilters
        {
            Text = One("q"), Statuses = statuses, SupplierId = One("supplier_id"), DriverId = One("driver_id"),
            CreatedFrom = Day("created_from"), CreatedTo = Day("created_to"),
        };
    }

    /// <summary>The query parameters of these filters, in a fixed order; unset ones are left out.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> ToQuery()
    {
        var query = new List<KeyValuePair<string, string>>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                query.Add(new(name, value.Trim()));
            }
        }

        Add("q", Text);
        Add("status", string.Join(',', OrderStatusNames.All.Where(Statuses.Contains).Select(status => status.ToWireName())));
        Add("supplier_id", SupplierId);
        Add("driver_id", DriverId);
        Add("created_from", CreatedFrom?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add("created_to", CreatedTo?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        return query;
    }

    /// <summary><paramref name="path"/> with these filters as its query.</summary>
    public string ToAddress(string path) => QueryHelpers.AddQueryString(path, ToQuery().Select(pair => new KeyValuePair<string, string?>(pair.Key, pair.Value)));

    /// <summary>The search over orders, creation days reckoned in <paramref name="zone"/>; a last day before the first is left out (the page says why).</summary>
    public OrderSearch ToSearch(TimeZoneInfo zone) =>
        new()
        {
            Text = string.IsNullOrWhiteSpace(Text) ? null : Text.Trim(),
            Statuses = Statuses,
            SupplierId = SupplierId,
            DriverId = DriverId,
            CreatedFrom = CreatedFrom,
            CreatedTo = RangeProblem is null ? CreatedTo : null,
            Zone = zone,
        };
}
