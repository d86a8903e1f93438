using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using OrderConsole.Tests.Support;

namespace OrderConsole.Tests.Api;

/// <summary>
/// The seed document's shapes, beside ours: flat counts per status in <c>/api/state</c>, its <c>active_drivers</c>,
/// and <c>driver_name</c>, <c>driver_phone</c> and the <c>timeline</c> object of <c>/api/orders/{id}/delivery</c>.
/// </summary>
public sealed class SeedShapesApiTests(WebApplicationFactory<Program> factory) : IClassFixture<WebApplicationFactory<Program>>
{
    private static readonly string[] s_statuses =
    [
        "pending_supplier", "supplier_accepted", "supplier_rejected", "customer_accepted", "preparing",
        "ready", "dispatched", "in_transit", "delivered", "cancelled",
    ];

    [Fact]
    public async Task The_statistics_carry_one_flat_count_per_status_equal_to_its_count_by_status()
    {
        using var dispatcher = await ApiClient.AsAsync(factory, "dispatcher");

        var statistics = (await (await dispatcher.GetAsync(ApiClient.Path("/api/state"))).JsonAsync()).GetProperty("statistics");

        Assert.All(s_statuses, status => Assert.Equal(
            statistics.GetProperty("by_status").GetProperty(status).GetInt64(), statistics.GetProperty(status).GetInt64()));
        Assert.Equal(statistics.GetProperty("total_orders").GetInt64(), s_statuses.Sum(status => statistics.GetProperty(status).GetInt64()));
    }

    [Fact]
    public async Task Active_drivers_are_the_drivers_on_an_active_delivery_with_the_orders_status_and_dispatch_time()
    {
        using var dispatcher = await ApiClient.AsAsync(factory, "dispatcher");
        var (id, driverName) = await DispatchedOrderAsync(dispatcher);

        var state = await StateListingAsync(dispatcher, id);
        var active = state.GetProperty("active_drivers").EnumerateArray().ToList();
        var mine = active.Single(entry => entry.GetProperty("order_id").GetString() == id);

        Assert.Equal(state.GetProperty("statistics").GetProperty("active_deliveries").GetInt64(), active.Count);
        Assert.All(active, entry => Assert.Contains(entry.GetProperty("status").GetString(), new[] { "dispatched", "in_transit" }));
        Assert.Equal(driverName, mine.GetProperty("driver_name").GetString());
        Assert.Equal(JsonValueKind.String, mine.GetProperty("driver_phone").ValueKind);
        Assert.Equal("dispatched", mine.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.String, mine.GetProperty("dispatched_at").ValueKind);
    }

    [Fact]
    public async Task An_available_driver_is_on_shift_but_not_among_the_active_drivers()
    {
        using var dispatcher = await ApiClient.AsAsync(factory, "dispatcher");

        var state = await (await dispatcher.GetAsync(ApiClient.Path("/api/state"))).JsonAsync();
        var available = state.GetProperty("drivers_on_shift").EnumerateArray()
            .First(driver => driver.GetProperty("status").GetString() == "available").GetProperty("name").GetString();

        Assert.DoesNotContain(available, state.GetProperty("active_drivers").EnumerateArray().Select(entry => entry.GetProperty("driver_name").GetString()));
    }

    [Fact]
    public async Task The_delivery_has_the_drivers_name_and_phone_and_a_timeline_of_its_three_stages()
    {
        using var dispatcher = await ApiClient.AsAsync(factory, "dispatcher");
        var (id, driverName) = await DispatchedOrderAsync(dispatcher);

        var dispatched = await DeliveryAsync(dispatcher, id);
        await dispatcher.PostAsync($"/api/orders/{id}/status?status=in_transit");
        var inTransit = await DeliveryAsync(dispatcher, id);

        Assert.Equal(driverName, dispatched.GetProperty("driver_name").GetString());
        Assert.Equal(dispatched.GetProperty("driver").GetProperty("phone").GetString(), dispatched.GetProperty("driver_phone").GetString());
        Assert.Equal(dispatched.GetProperty("dispatched_at").GetDateTimeOffset(), dispatched.GetProperty("timeline").GetProperty("dispatched_at").GetDateTimeOffset());
        Assert.Equal(JsonValueKind.Null, dispatched.GetProperty("timeline").GetProperty("in_transit_at").ValueKind);
        Assert.Equal(JsonValueKind.Null, dispatched.GetProperty("timeline").GetProperty("delivered_at").ValueKind);
        Assert.Equal(JsonValueKind.String, inTransit.GetProperty("timeline").GetProperty("in_transit_at").ValueKind);
        Assert.Equal("order.dispatched", dispatched.GetProperty("history").EnumerateArray().Last().GetProperty("event_type").GetString());
    }

    private async Task<(string Id, string DriverName)> DispatchedOrderAsync(HttpClient dispatcher)
    {
        using var supplier = await ApiClient.AsAsync(factory, "supplier1");
        using var customer = await ApiClient.AsAsync(factory, "customer");
        var id = await supplier.CreateOrderAsync();
        foreach (var (client, step) in new[]
        {
            (supplier, "supplier-respond?accept=true&estimated_time=30"),
            (customer, "customer-accept?customer_name=Seed%20Customer&delivery_address=1%20Seed%20Road"),
            (supplier, "status?status=preparing"),
            (supplier, "status?status=ready"),
        })
        {
            using var moved = await client.PostAsync($"/api/orders/{id}/{step}");
            moved.EnsureSuccessStatusCode();
        }

        var state = await (await dispatcher.GetAsync(ApiClient.Path("/api/state"))).JsonAsync();
        var driver = state.GetProperty("drivers_on_shift").EnumerateArray()
            .First(candidate => candidate.GetProperty("status").GetString() == "available").GetProperty("name").GetString()!;
        using var dispatched = await dispatcher.PostAsync($"/api/orders/{id}/dispatch?driver_name={Uri.EscapeDataString(driver)}");
        dispatched.EnsureSuccessStatusCode();
        return (id, driver);
    }

    /// <summary>The state once it lists the delivery of <paramref name="orderId"/> (the cached answer is evicted by the change).</summary>
    private static async Task<JsonElement> StateListingAsync(HttpClient dispatcher, string orderId)
    {
        JsonElement state = default;
        await Eventually.HoldsAsync(
            async () =>
            {
                state = await (await dispatcher.GetAsync(ApiClient.Path("/api/state"))).JsonAsync();
                return state.GetProperty("active_drivers").EnumerateArray().Any(entry => entry.GetProperty("order_id").GetString() == orderId);
            },
            "the state lists the new delivery");
        return state;
    }

    private static async Task<JsonElement> DeliveryAsync(HttpClient client, string id)
    {
        using var response = await client.GetAsync(ApiClient.Path($"/api/orders/{id}/delivery"));
        response.EnsureSuccessStatusCode();
        return await response.JsonAsync();
    }
}
