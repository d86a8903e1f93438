using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using OrderConsole.Tests.Support;

namespace OrderConsole.Tests.Api;

/// <summary><c>GET /api/orders</c>'s search and filters beside its first ones: text, driver, creation days and sort, and bad values refused by field.</summary>
public sealed class OrderListApiTests(WebApplicationFactory<Program> factory) : IClassFixture<WebApplicationFactory<Program>>
{
    private static readonly string s_tomorrow = DateTime.UtcNow.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    private static readonly string s_yesterday = DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_text_search_finds_the_orders_with_that_item_and_no_others()
    {
        using var supplier = await ApiClient.AsAsync(factory, "supplier1");
        using var dispatcher = await ApiClient.AsAsync(factory, "dispatcher");
        var item = Unique("Zucca");
        var first = await supplier.CreateOrderAsync(item, 9m);
        var second = await supplier.CreateOrderAsync($"Large {item}", 12m);
        await supplier.CreateOrderAsync(Unique("Other"), 9m);

        var page = await ListAsync(dispatcher, $"q={Uri.EscapeDataString(item.ToLowerInvariant())}");

        Assert.Equal(new[] { first, second }.Order(), Ids(page).Order());
    }

    [Fact]
    public async Task Creation_days_include_orders_created_within_them_and_leave_out_the_rest()
    {
        using var supplier = await ApiClient.AsAsync(factory, "supplier1");
        using var dispatcher = await ApiClient.AsAsync(factory, "dispatcher");
        var item = Unique("Dated");
        var id = await supplier.CreateOrderAsync(item, 9m);

        var within = await ListAsync(dispatcher, $"q={item}&created_from={s_yesterday}&created_to={s_tomorrow}");
        var after = await ListAsync(dispatcher, $"q={item}&created_from={s_tomorrow}");

        Assert.Equal([id], Ids(within));
        Assert.Empty(Ids(after));
    }

    [Fact]
    public async Task The_driver_filter_lists_only_that_drivers_orders()
    {
        using var dispatcher = await ApiClient.AsAsync(factory, "dispatcher");
        var anyDispatched = (await ListAsync(dispatcher, "status=dispatched,in_transit,delivered&limit=500")).GetProperty("orders").EnumerateArray()
            .First(order => order.GetProperty("driver_id").ValueKind == JsonValueKind.String);
        var driverId = anyDispatched.GetProperty("driver_id").GetString()!;

        var page = await ListAsync(dispatcher, $"driver_id={driverId}&limit=500");

        Assert.Contains(anyDispatched.GetProperty("id").GetString(), Ids(page));
        Assert.All(page.GetProperty("orders").EnumerateArray(), order => Assert.Equal(driverId, order.GetProperty("driver_id").GetString()));
    }

    [Fact]
    public async Task Sort_orders_the_matches_ascending_or_with_a_minus_descending()
    {
        using var supplier = await ApiClient.AsAsync(factory, "supplier1");
        using var dispatcher = await ApiClient.AsAsync(factory, "dispatcher");
        var item = Unique("Sorted");
        var cheap = await supplier.CreateOrderAsync(item, 5m);
        var dear = await supplier.CreateOrderAsync(item, 25m);
        var middle = await supplier.CreateOrderAsync(item, 15m);

        var ascending = await ListAsync(dispatcher, $"q={item}&sort=total");
        var descending = await ListAsync(dispatcher, $"q={item}&sort=-total");

        Assert.Equal([cheap, middle, dear], Ids(ascending));
        Assert.Equal([dear, middle, cheap], Ids(descending));
    }

    [Fact]
    public async Task A_search_is_paged_with_the_same_cursor_as_every_listing()
    {
        using var supplier = await ApiClient.AsAsync(factory, "supplier1");
        using var dispatcher = await ApiClient.AsAsync(factory, "dispatcher");
        var item = Unique("Paged");
        var ids = new List<string>();
        for (var index = 0; index < 5; index++)
        {
            ids.Add(await supplier.CreateOrderAsync(item, 10m + index));
        }

        var first = await ListAsync(dispatcher, $"q={item}&sort=total&limit=3");
        var second = await ListAsync(dispatcher, $"q={item}&sort=total&limit=3&cursor={first.GetProperty("next_cursor").GetString()}");

        Assert.Equal(ids[..3], Ids(first));
        Assert.Equal(ids[3..], Ids(second));
        Assert.False(second.TryGetProperty("next_cursor", out var next) && next.ValueKind == JsonValueKind.String, "the last page names no next page");
    }

    [Fact]
    public async Task A_supplier_searching_finds_only_their_own_suppliers_orders()
    {
        using var luigis = await ApiClient.AsAsync(factory, "supplier1");
        using var napoli = await ApiClient.AsAsync(factory, "supplier2");
        var item = Unique("Shared");
        await luigis.CreateOrderAsync(item, 9m);
        var own = await napoli.CreateOrderAsync(item, 9m);

        var page = await ListAsync(napoli, $"q={item}");

        Assert.Equal([own], Ids(page));
    }

    [Theory]
    [InlineData("created_from=yesterday", "created_from")]
    [InlineData("created_to=2025-13-01", "created_to")]
    [InlineData("created_from=2025-03-07&created_to=2025-03-01", "created_to")]
    [InlineData("sort=cheapest", "sort")]
    [InlineData("q=needle&status=teleported", "status")]
    public async Task A_bad_filter_is_refused_with_the_field_it_concerns(string query, string field)
    {
        using var dispatcher = await ApiClient.AsAsync(factory, "dispatcher");

        using var response = await dispatcher.GetAsync(ApiClient.Path($"/api/orders?{query}"));
        var problem = await response.JsonAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(field, problem.GetProperty("field").GetString());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("detail").GetString()));
    }

    [Fact]
    public async Task A_search_longer_than_two_hundred_characters_is_refused()
    {
        using var dispatcher = await ApiClient.AsAsync(factory, "dispatcher");

        using var response = await dispatcher.GetAsync(ApiClient.Path($"/api/orders?q={new string('x', 201)}"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("q", (await response.JsonAsync()).GetProperty("field").GetString());
    }

    internal static string Unique(string word) => $"{word}{Guid.NewGuid():N}"[..(word.Length + 10)];

    private static async Task<JsonElement> ListAsync(HttpClient client, string query)
    {
        using var response = await client.GetAsync(ApiClient.Path($"/api/orders?{query}"));
        Assert.True(response.IsSuccessStatusCode, $"GET /api/orders?{query} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.JsonAsync();
    }

    private static List<string> Ids(JsonElement page) =>
        [.. page.GetProperty("orders").EnumerateArray().Select(order => order.GetProperty("id").GetString()!)];
}
