using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using OrderConsole.Core.Orders;

namespace OrderConsole.Api;

/// <summary>
/// The filters <c>GET /api/orders</c> and <c>GET /api/orders.csv</c> share, as query parameters: <c>status</c> (comma
/// separated), <c>supplier_id</c>, <c>driver_id</c>, <c>q</c> (text search), <c>created_from</c> and <c>created_to</c>
/// (days, <c>yyyy-MM-dd</c>, in the console's time zone, both included) and <c>sort</c> (<c>created</c>, <c>-created</c>…).
/// </summary>
public sealed class OrderListFilters
{
    /// <summary>The longest text search taken; longer is a mistake, not a search.</summary>
    public const int MaxSearchLength = 200;

    [FromQuery(Name = "status")] public string? Status { get; set; }

    [FromQuery(Name = "supplier_id")] public string? SupplierId { get; set; }

    [FromQuery(Name = "driver_id")] public string? DriverId { get; set; }

    [FromQuery(Name = "q")] public string? Q { get; set; }

    [FromQuery(Name = "created_from")] public string? CreatedFrom { get; set; }

    [FromQuery(Name = "created_to")] public string? CreatedTo { get; set; }

    [FromQuery(Name = "sort")] public string? Sort { get; set; }

    /// <summary>True when only the filters the store lists by itself are given (status, supplier), in its own order.</summary>
    public bool OnlyStoreFilters =>
        string.IsNullOrWhiteSpace(DriverId) && string.IsNullOrWhiteSpace(Q) && string.IsNullOrWhiteSpace(CreatedFrom)
        && string.IsNullOrWhiteSpace(CreatedTo) && string.IsNullOrWhiteSpace(Sort);

    /// <summary>The statuses asked for, or null for every status.</summary>
    public OrderStatus[]? Statuses() =>
        Status?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(name => ApiInput.Status(name)).ToArray();

    /// <summary>The search these parameters describe, for <paramref name="supplierId"/> (already checked against who asks), days in <paramref name="zone"/>.</summary>
    public OrderSearch ToSearch(string? supplierId, TimeZoneInfo zone)
    {
        var text = Q?.Trim();
        if (text?.Length > MaxSearchLength)
        {
            throw new OrderValidationException("q", $"the search is {text.Length} characters long; search with at most {MaxSearchLength}");
        }

        var from = Day(CreatedFrom, "created_from");
        var to = Day(CreatedTo, "created_to");
        if (from > to)
        {
            throw new OrderValidationException("created_to", $"created_to ({to:yyyy-MM-dd}) is before created_from ({from:yyyy-MM-dd}); give the earlier day first");
        }

        var (sort, descending) = SortOf(Sort);
        return new OrderSearch
        {
            Text = string.IsNullOrEmpty(text) ? null : text,
            Statuses = Statuses()?.ToHashSet(),
            SupplierId = supplierId,
            DriverId = string.IsNullOrWhiteSpace(DriverId) ? null : DriverId.Trim(),
            CreatedFrom = from,
            CreatedTo = to,
            Zone = zone,
            Sort = sort,
            Descending = descending,
        };
    }

    private static DateOnly? Day(string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        return DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day
            : throw new OrderValidationException(field, $"\"{Shorten(value)}\" is not a day; give {field} as yyyy-MM-dd, e.g. 2025-03-01");
    }

    /// <summary>A sort name, descending with a leading minus; by default newest change first.</summary>
    private static (OrderSort Sort, bool Descending) SortOf(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return (OrderSort.Changed, true);
        }

        var text = value.Trim();
        var descending = text.StartsWith('-');
        return OrderSorts.TryParse(descending ? text[1..] : text, out var sort)
            ? (sort, descending)
            : throw new OrderValidationException("sort", $"\"{Shorten(value)}\" is not a sort; use one of {string.Join(", ", OrderSorts.Names)}, with a leading - for descending");
    }

    private static string Shorten(string value) => value.Length <= 40 ? value : value[..40] + "…";
}
