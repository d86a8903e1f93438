using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using OrderConsole.Tests.Support;

namespace OrderConsole.Tests.Api;

/// <summary><c>GET /api/orders.csv</c>: the whole filtered set as CSV, one header row then one row per order, with the access rules of the listing.</summary>
public sealed class OrdersCsvApiTests(WebApplicationFactory<Program> factory) : IClassFixture<WebApplicationFactory<Program>>
{
    [Fact]
    public async Task The_export_has_a_header_and_exactly_one_row_per_matching_order()
    {
        using var supplier = await ApiClient.AsAsync(factory, "supplier1");
        using var dispatcher = await ApiClient.AsAsync(factory, "dispatcher");
        var item = OrderListApiTests.Unique("Export");
        var first = await OrderAsync(supplier, await supplier.CreateOrderAsync(item, 9.5m));
        var second = await OrderAsync(supplier, await supplier.CreateOrderAsync(item, 12m));
        await supplier.CreateOrderAsync(OrderListApiTests.Unique("NotExported"), 9m);

        using var response = await dispatcher.GetAsync(ApiClient.Path($"/api/orders.csv?q={item}&sort=created"));
        var table = CsvTable.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(
            ["id", "order_code", "tracking_id", "status", "supplier_id", "supplier_name", "items", "supplier_price", "customer_price",
             "customer_name", "customer_phone", "delivery_address", "driver_id", "driver_name", "created_at", "updated_at", "cancellation_reason"],
            table.Header);
        Assert.Equal([Expected(first, item, "9.50"), Expected(second, item, "12.00")], table.Rows.Select(Selected));
    }

    [Fact]
    public async Task The_export_takes_the_listings_status_filter()
    {
        using var supplier = await ApiClient.AsAsync(factory, "supplier1");
        using var dispatcher = await ApiClient.AsAsync(factory, "dispatcher");
        var item = OrderListApiTests.Unique("Rejected");
        var kept = await supplier.CreateOrderAsync(item, 9m);
        var rejected = await supplier.CreateOrderAsync(item, 9m);
        (await supplier.PostAsync($"/api/orders/{rejected}/supplier-respond?accept=false&notes=no%20dough")).EnsureSuccessStatusCode();

        var table = CsvTable.Parse(await dispatcher.GetStringAsync(ApiClient.Path($"/api/orders.csv?q={item}&status=supplier_rejected")));

        Assert.Equal([rejected], table.Rows.Select(row => row["id"]));
        Assert.Equal("supplier_rejected", Assert.Single(table.Rows)["status"]);
        Assert.NotEqual(kept, rejected);
    }

    [Theory]
    [InlineData("", 4)]
    [InlineData("&status=supplier_rejected", 1)]
    [InlineData("&status=pending_supplier,supplier_rejected", 4)]
    [InlineData("&supplier_id=napoli", 1)]
    [InlineData("&supplier_id=luigis&status=pending_supplier", 2)]
    [InlineData("&created_from={yesterday}&created_to={tomorrow}", 4)]
    [InlineData("&created_from={tomorrow}", 0)]
    [InlineData("&sort=-total", 4)]
    public async Task The_export_holds_exactly_the_orders_the_listing_gives_for_the_same_filters(string filters, int matching)
    {
        using var luigis = await ApiClient.AsAsync(factory, "supplier1");
        using var napoli = await ApiClient.AsAsync(factory, "supplier2");
        using var dispatcher = await ApiClient.AsAsync(factory, "dispatcher");
        var item = OrderListApiTests.Unique("Same");
        await luigis.CreateOrderAsync(item, 9m);
        await luigis.CreateOrderAsync(item, 14m);
        var rejected = await luigis.CreateOrderAsync(item, 11m);
        (await luigis.PostAsync($"/api/orders/{rejected}/supplier-respond?accept=false&notes=no%20dough")).EnsureSuccessStatusCode();
        await napoli.CreateOrderAsync(item, 10m);
        var query = $"q={item}" + filters
            .Replace("{yesterday}", DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{tomorrow}", DateTime.UtcNow.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), StringComparison.Ordinal);

        var listed = (await (await dispatcher.GetAsync(ApiClient.Path($"/api/orders?{query}&limit=100"))).JsonAsync())
            .GetProperty("orders").EnumerateArray().Select(order => order.GetProperty("id").GetString()!).ToList();
        var exported = CsvTable.Parse(await dispatcher.GetStringAsync(ApiClient.Path($"/api/orders.csv?{query}"))).Rows.Select(row => row["id"]).ToList();

        Assert.Equal(listed, exported);
        Assert.Equal(matching, exported.Count);
    }

    [Fact]
    public async Task The_export_takes_the_driver_filter()
    {
        using var dispatcher = await ApiClient.AsAsync(factory, "dispatcher");
        var anyDriven = (await (await dispatcher.GetAsync(ApiClient.Path("/api/orders?status=dispatched,in_transit,delivered&limit=500"))).JsonAsync())
            .GetProperty("orders").EnumerateArray().First(order => order.GetProperty("driver_id").ValueKind == JsonValueKind.String);
        var driverId = anyDriven.GetProperty("driver_id").GetString()!;

        var table = CsvTable.Parse(await dispatcher.GetStringAsync(ApiClient.Path($"/api/orders.csv?driver_id={driverId}")));

        Assert.Contains(anyDriven.GetProperty("id").GetString(), table.Rows.Select(row => row["id"]));
        Assert.All(table.Rows, row => Assert.Equal(driverId, row["driver_id"]));
    }

    [Fact]
    public async Task A_supplier_exports_only_their_own_suppliers_orders()
    {
        using var luigis = await ApiClient.AsAsync(factory, "supplier1");
        using var napoli = await ApiClient.AsAsync(factory, "supplier2");
        var item = OrderListApiTests.Unique("Mine");
        await luigis.CreateOrderAsync(item, 9m);
        var own = await napoli.CreateOrderAsync(item, 9m);

        var table = CsvTable.Parse(await napoli.GetStringAsync(ApiClient.Path($"/api/orders.csv?q={item}")));

        Assert.Equal([own], table.Rows.Select(row => row["id"]));
        Assert.All(table.Rows, row => Assert.Equal("napoli", row["supplier_id"]));
    }

    [Fact]
    public async Task A_supplier_naming_another_supplier_is_forbidden()
    {
        using var napoli = await ApiClient.AsAsync(factory, "supplier2");

        using var response = await napoli.GetAsync(ApiClient.Path("/api/orders.csv?supplier_id=luigis"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task A_bad_filter_is_a_problem_with_its_field_not_a_half_written_file()
    {
        using var dispatcher = await ApiClient.AsAsync(factory, "dispatcher");

        using var response = await dispatcher.GetAsync(ApiClient.Path("/api/orders.csv?created_from=03/01/2025"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("created_from", (await response.JsonAsync()).GetProperty("field").GetString());
    }

    [Fact]
    public async Task A_cell_a_spreadsheet_would_run_as_a_formula_is_escaped()
    {
        using var supplier = await ApiClient.AsAsync(factory, "supplier1");
        using var dispatcher = await ApiClient.AsAsync(factory, "dispatcher");
        var item = OrderListApiTests.Unique("Formula");
        var id = await supplier.CreateOrderAsync(item, 9m);
        (await supplier.PostAsync($"/api/orders/{id}/status?status=cancelled&reason={Uri.EscapeDataString("=HYPERLINK(\"x\")")}")).EnsureSuccessStatusCode();

        var table = CsvTable.Parse(await dispatcher.GetStringAsync(ApiClient.Path($"/api/orders.csv?q={item}")));

        Assert.Equal("'=HYPERLINK(\"x\")", Assert.Single(table.Rows)["cancellation_reason"]);
    }

    private static async Task<JsonElement> OrderAsync(HttpClient client, string id) =>
        await (await client.GetAsync(ApiClient.Path($"/api/orders/{id}"))).JsonAsync();

    private static string[] Expected(JsonElement order, string item, string price) =>
    [
        order.GetProperty("id").GetString()!, order.GetProperty("supplier_tracking_id").GetString()!, order.GetProperty("tracking_id").GetString()!,
        "pending_supplier", "luigis", "Luigi's Pizzeria", $"1 x {item}", price, string.Empty,
        Utc(order.GetProperty("created_at").GetDateTimeOffset()),
    ];

    private static string[] Selected(IReadOnlyDictionary<string, string> row) =>
    [
        row["id"], row["order_code"], row["tracking_id"], row["status"], row["supplier_id"], row["supplier_name"], row["items"],
        row["supplier_price"], row["customer_price"], row["created_at"],
    ];

    private static string Utc(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
