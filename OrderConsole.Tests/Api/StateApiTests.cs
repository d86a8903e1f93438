using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using OrderConsole.Tests.Support;

namespace OrderConsole.Tests.Api;

/// <summary><c>GET /api/state</c>: totals and counts, open orders by status, drivers on shift; cached until the next change.</summary>
public sealed class StateApiTests(WebApplicationFactory<Program> factory) : IClassFixture<WebApplicationFactory<Program>>
{
    [Fact]
    public async Task The_state_has_statistics_orders_by_status_drivers_and_the_last_update()
    {
        using var dispatcher = await ApiClient.AsAsync(factory, "dispatcher");

        var state = await (await dispatcher.GetAsync(ApiClient.Path("/api/state"))).JsonAsync();
        var statistics = state.GetProperty("statistics");

        Assert.True(statistics.GetProperty("total_orders").GetInt64() >= 30);
        Assert.Equal(2, statistics.GetProperty("active_deliveries").GetInt64());
        Assert.True(statistics.GetProperty("completed_today").GetInt32() >= 1);
        Assert.Equal(10, statistics.GetProperty("by_status").EnumerateObject().Count());
        Assert.True(state.GetProperty("orders_by_status").TryGetProperty("pending_supplier", out _));
        Assert.False(state.GetProperty("orders_by_status").TryGetProperty("delivered", out _));
        Assert.Equal(2, state.GetProperty("active_drivers").GetArrayLength());
        Assert.Equal(5, state.GetProperty("drivers_on_shift").GetArrayLength());
        Assert.True(state.TryGetProperty("last_updated", out _));
    }

    [Fact]
    public async Task Completed_orders_are_listed_when_asked_for_up_to_the_limit_per_status()
    {
        using var dispatcher = await ApiClient.AsAsync(factory, "dispatcher");

        var state = await (await dispatcher.GetAsync(ApiClient.Path("/api/state?include_completed=true&limit=2"))).JsonAsync();

        Assert.Equal(2, state.GetProperty("orders_by_status").GetProperty("delivered").GetArrayLength());
    }

    [Fact]
    public async Task A_repeated_request_is_answered_from_the_cache()
    {
        using var dispatcher = await ApiClient.AsAsync(factory, "dispatcher");

        using var first = await dispatcher.GetAsync(ApiClient.Path("/api/state?limit=7"));
        using var second = await dispatcher.GetAsync(ApiClient.Path("/api/state?limit=7"));

        Assert.Null(first.Headers.Age);
        Assert.NotNull(second.Headers.Age);
    }

    [Fact]
    public async Task A_change_shows_in_the_state_at_once_instead_of_after_the_cache_expires()
    {
        using var dispatcher = await ApiClient.AsAsync(factory, "dispatcher");
        using var supplier = await ApiClient.AsAsync(factory, "supplier1");
        var before = await TotalAsync(dispatcher);

        await supplier.CreateOrderAsync();

        await Eventually.HoldsAsync(async () => await TotalAsync(dispatcher) == before + 1, "the new order is counted");
    }

    [Fact]
    public async Task A_limit_above_500_answers_400()
    {
        using var dispatcher = await ApiClient.AsAsync(factory, "dispatcher");

        using var response = await dispatcher.GetAsync(ApiClient.Path("/api/state?limit=501"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private static async Task<long> TotalAsync(HttpClient client) =>
        (await (await client.GetAsync(ApiClient.Path("/api/state"))).JsonAsync()).GetProperty("statistics").GetProperty("total_orders").GetInt64();
}
