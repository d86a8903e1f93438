using System.Globalization;
using System.Security.Claims;
using CsvHelper;
using Microsoft.AspNetCore.Http.HttpResults;
using OrderConsole.Accounts;
using OrderConsole.Core.Live;
using OrderConsole.Core.Orders;
using OrderConsole.Core.Storage;

namespace OrderConsole.Api;

/// <summary>
/// <c>GET /api/orders.csv</c>: every order the filters of <c>GET /api/orders</c> find (not one page), as CSV — one
/// header row, then one row per order. Money as plain decimals with two places, times as UTC ISO 8601, statuses
/// by their API names; a cell that a spreadsheet would run as a formula is escaped.
/// </summary>
public static class OrdersCsvApi
{
    /// <summary>The header row, in column order.</summary>
    public static IReadOnlyList<string> Columns { get; } =
    [
        "id", "order_code", "tracking_id", "status", "supplier_id", "supplier_name", "items", "supplier_price", "customer_price",
        "customer_name", "customer_phone", "delivery_address", "driver_id", "driver_name", "created_at", "updated_at", "cancellation_reason",
    ];

    public static IEndpointRouteBuilder MapOrdersCsvApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/orders.csv", ExportOrders)
            .RequireStaff(ConsoleRoles.Supplier, ConsoleRoles.Dispatcher)
            .WithName("ExportOrdersCsv")
            .WithSummary("Every order the filters of GET /api/orders find, as CSV: a header row, then one row per order")
            .WithTags("Orders")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        return endpoints;
    }

    public static async Task<PushStreamHttpResult> ExportOrders(
        ClaimsPrincipal user, IOrderStore store, CurrentSettings settings, [AsParameters] OrderListFilters filters, CancellationToken cancellationToken)
    {
        // Everything that can be refused is checked before the first byte is written.
        var search = filters.ToSearch(OrderListing.SupplierFor(user, filters.SupplierId), settings.Value.Zone());
        var orders = await OrderListing.FindAsync(store, search, cancellationToken);
        return TypedResults.Stream(body => WriteAsync(body, orders, cancellationToken), "text/csv; charset=utf-8", "orders.csv");
    }

    /// <summary>Writes <paramref name="orders"/> as the export's CSV.</summary>
    public static async Task WriteAsync(Stream body, IEnumerable<Order> orders, CancellationToken cancellationToken)
    {
        var options = new CsvWriterOptions { Injection = CsvInjection.Escape, FormatProvider = CultureInfo.InvariantCulture };
        await using var csv = CsvWriter.Create(body, options, leaveOpen: true);
        await csv.WriteRecordAsync([.. Columns], cancellationToken);
        foreach (var order in orders)
        {
            await csv.WriteRecordAsync(Row(order), cancellationToken);
        }

        await csv.FlushAsync(cancellationToken);
    }

    private static string?[] Row(Order order) =>
    [
        order.Id.ToString(), order.SupplierTrackingId, order.TrackingId, order.Status.ToWireName(), order.SupplierId, order.SupplierName,
        string.Join("; ", order.Items.Select(item => string.Create(CultureInfo.InvariantCulture, $"{item.Quantity} x {item.Name}"))),
        Money(order.SupplierPrice), order.CustomerPrice is { } price ? Money(price) : null,
        order.CustomerName, order.CustomerPhone, order.DeliveryAddress, order.DriverId, order.DriverName,
        Time(order.CreatedAt), Time(order.UpdatedAt), order.CancellationReason,
    ];

    private static string Money(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);

    private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
