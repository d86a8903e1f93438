using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using OrderConsole.Tests.Support;

namespace OrderConsole.Tests.Api;

/// <summary>A tracking code asked for again and again (its view kept between changes) still shows each change of its order.</summary>
public sealed class TrackingFollowsChangesTests(WebApplicationFactory<Program> factory) : IClassFixture<WebApplicationFactory<Program>>
{
    [Fact]
    public async Task A_tracking_code_asked_for_again_shows_the_orders_next_change()
    {
        using var supplier = await ApiClient.AsAsync(factory, "supplier1");
        using var customer = SignedInClient.Anonymous(factory);
        using var created = await supplier.PostAsJsonAsync(ApiClient.Path("/api/orders"), new { pizza_name = "Followed", supplier_price = 9 });
        var trackingId = (await created.JsonAsync()).GetProperty("tracking_id").GetString();
        var id = (await created.JsonAsync()).GetProperty("id").GetString();
        Assert.Equal("pending_supplier", await StatusAsync(customer, trackingId));

        await supplier.PostAsync($"/api/orders/{id}/supplier-respond?accept=true&estimated_time=20");

        await Eventually.HoldsAsync(async () => await StatusAsync(customer, trackingId) == "supplier_accepted", "the tracking answer shows the acceptance");
    }

    private static async Task<string?> StatusAsync(HttpClient client, string? trackingId) =>
        (await (await client.GetAsync(ApiClient.Path($"/api/track/{trackingId}"))).JsonAsync()).GetProperty("status").GetString();
}
