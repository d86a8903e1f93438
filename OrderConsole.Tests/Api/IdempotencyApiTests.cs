using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using OrderConsole.Tests.Support;

namespace OrderConsole.Tests.Api;

/// <summary>The <c>Idempotency-Key</c> header: a repeat answers with the first result and applies nothing again.</summary>
public sealed class IdempotencyApiTests(WebApplicationFactory<Program> factory) : IClassFixture<WebApplicationFactory<Program>>
{
    [Fact]
    public async Task Repeating_a_create_with_the_same_key_creates_one_order()
    {
        using var supplier = await ApiClient.AsAsync(factory, "supplier1");
        var key = Guid.NewGuid().ToString();

        var first = await CreateAsync(supplier, key);
        var repeat = await CreateAsync(supplier, key);
        var events = await (await supplier.GetAsync(ApiClient.Path($"/api/orders/{first}/events"))).JsonAsync();

        Assert.Equal(first, repeat);
        Assert.Equal(1, events.GetArrayLength());
    }

    [Fact]
    public async Task Repeating_a_transition_with_the_same_key_answers_the_first_result_and_moves_the_order_once()
    {
        using var supplier = await ApiClient.AsAsync(factory, "supplier1");
        var id = await supplier.CreateOrderAsync();
        var key = Guid.NewGuid().ToString();

        using var first = await supplier.PostAsync($"/api/orders/{id}/supplier-respond?accept=true&estimated_time=30", key);
        using var repeat = await supplier.PostAsync($"/api/orders/{id}/supplier-respond?accept=true&estimated_time=30", key);
        var history = await (await supplier.GetAsync(ApiClient.Path($"/api/orders/{id}/events"))).JsonAsync();

        Assert.Equal(HttpStatusCode.OK, repeat.StatusCode);
        Assert.Equal((await first.JsonAsync()).GetProperty("version").GetInt64(), (await repeat.JsonAsync()).GetProperty("version").GetInt64());
        Assert.Equal(2, history.GetArrayLength());
    }

    [Fact]
    public async Task The_same_key_from_two_callers_names_two_commands()
    {
        using var luigis = await ApiClient.AsAsync(factory, "supplier1");
        using var admin = await ApiClient.AsAsync(factory, "admin");
        var key = Guid.NewGuid().ToString();

        var mine = await CreateAsync(luigis, key);
        var theirs = await CreateAsync(admin, key, supplierId: "luigis");

        Assert.NotEqual(mine, theirs);
    }

    [Fact]
    public async Task A_key_with_spaces_answers_400()
    {
        using var supplier = await ApiClient.AsAsync(factory, "supplier1");
        var id = await supplier.CreateOrderAsync();

        using var response = await supplier.PostAsync($"/api/orders/{id}/status?status=cancelled", "two words");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Idempotency-Key", (await response.JsonAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    private static async Task<string> CreateAsync(HttpClient client, string key, string? supplierId = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, ApiClient.Path("/api/orders"))
        {
            Content = JsonContent.Create(new { supplier_id = supplierId, pizza_name = "Calzone", supplier_price = 9 }),
        };
        request.Headers.Add("Idempotency-Key", key);
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.JsonAsync()).GetProperty("id").GetString()!;
    }
}
