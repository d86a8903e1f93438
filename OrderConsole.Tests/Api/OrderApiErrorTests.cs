using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using OrderConsole.Tests.Support;

namespace OrderConsole.Tests.Api;

/// <summary>Every error status of the orders API, each a problem details body whose detail says what was wrong.</summary>
public sealed class OrderApiErrorTests(WebApplicationFactory<Program> factory) : IClassFixture<WebApplicationFactory<Program>>
{
    [Fact]
    public async Task An_unknown_order_id_answers_404()
    {
        using var dispatcher = await ApiClient.AsAsync(factory, "dispatcher");

        using var response = await dispatcher.GetAsync(ApiClient.Path($"/api/orders/{Guid.NewGuid()}"));

        await AssertProblem(response, HttpStatusCode.NotFound, "no order");
    }

    [Fact]
    public async Task A_malformed_order_id_answers_400()
    {
        using var dispatcher = await ApiClient.AsAsync(factory, "dispatcher");

        using var response = await dispatcher.GetAsync(ApiClient.Path("/api/orders/not-a-guid/delivery"));

        await AssertProblem(response, HttpStatusCode.BadRequest, "\"not-a-guid\" is not an order id");
    }

    [Fact]
    public async Task An_unknown_status_answers_400_listing_the_statuses()
    {
        using var supplier = await ApiClient.AsAsync(factory, "supplier1");
        var id = await supplier.CreateOrderAsync();

        using var response = await supplier.PostAsync($"/api/orders/{id}/status?status=baking");

        await AssertProblem(response, HttpStatusCode.BadRequest, "\"baking\" is not an order status; use one of pending_supplier");
    }

    [Fact]
    public async Task A_negative_price_answers_400_and_creates_nothing()
    {
        using var supplier = await ApiClient.AsAsync(factory, "supplier1");
        var before = await CountAsync(supplier);

        using var response = await supplier.PostAsJsonAsync(ApiClient.Path("/api/orders"), new { pizza_name = "Margherita", supplier_price = -3 });

        await AssertProblem(response, HttpStatusCode.BadRequest, "the price must be more than 0");
        Assert.Equal(before, await CountAsync(supplier));
    }

    [Fact]
    public async Task A_name_longer_than_allowed_answers_400()
    {
        using var supplier = await ApiClient.AsAsync(factory, "supplier1");

        using var response = await supplier.PostAsJsonAsync(ApiClient.Path("/api/orders"), new { pizza_name = new string('x', 101), supplier_price = 9 });

        await AssertProblem(response, HttpStatusCode.BadRequest, "at most 100 characters");
    }

    [Fact]
    public async Task A_malformed_body_answers_400()
    {
        using var supplier = await ApiClient.AsAsync(factory, "supplier1");
        using var body = new StringContent("{\"pizza_name\": ", System.Text.Encoding.UTF8, "application/json");

        using var response = await supplier.PostAsync(ApiClient.Path("/api/orders"), body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_page_larger_than_500_answers_400()
    {
        using var dispatcher = await ApiClient.AsAsync(factory, "dispatcher");

        using var response = await dispatcher.GetAsync(ApiClient.Path("/api/orders?limit=501"));

        await AssertProblem(response, HttpStatusCode.BadRequest, "the limit must be between 1 and 500");
    }

    [Fact]
    public async Task An_illegal_transition_answers_409_with_the_current_status()
    {
        using var supplier = await ApiClient.AsAsync(factory, "supplier1");
        var id = await supplier.CreateOrderAsync();

        using var response = await supplier.PostAsync($"/api/orders/{id}/status?status=ready");
        var problem = await AssertProblem(response, HttpStatusCode.Conflict, "is pending_supplier; it cannot go to ready");

        Assert.Equal("pending_supplier", problem.GetProperty("current_status").GetString());
    }

    [Fact]
    public async Task A_caller_without_the_role_answers_403()
    {
        using var customer = await ApiClient.AsAsync(factory, "customer");

        using var response = await customer.PostAsJsonAsync(ApiClient.Path("/api/orders"), new { supplier_id = "luigis", pizza_name = "Margherita", supplier_price = 9 });

        await AssertProblem(response, HttpStatusCode.Forbidden, "this needs one of the roles supplier");
    }

    [Fact]
    public async Task A_supplier_cannot_move_another_suppliers_order()
    {
        using var luigis = await ApiClient.AsAsync(factory, "supplier1");
        using var napoli = await ApiClient.AsAsync(factory, "supplier2");
        var id = await luigis.CreateOrderAsync();

        using var response = await napoli.PostAsync($"/api/orders/{id}/supplier-respond?accept=true&estimated_time=20");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Without_signing_in_the_orders_answer_401()
    {
        using var anonymous = SignedInClient.Anonymous(factory);

        using var response = await anonymous.GetAsync(ApiClient.Path("/api/orders"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_missing_accept_answers_400()
    {
        using var supplier = await ApiClient.AsAsync(factory, "supplier1");
        var id = await supplier.CreateOrderAsync();

        using var response = await supplier.PostAsync($"/api/orders/{id}/supplier-respond?accept=maybe");

        await AssertProblem(response, HttpStatusCode.BadRequest, "accept");
    }

    private static async Task<int> CountAsync(HttpClient supplier) =>
        (await (await supplier.GetAsync(ApiClient.Path("/api/orders?limit=500"))).JsonAsync()).GetProperty("count").GetInt32();

    private static async Task<System.Text.Json.JsonElement> AssertProblem(HttpResponseMessage response, HttpStatusCode status, string detail)
    {
        var problem = await response.JsonAsync();
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(detail, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        return problem;
    }
}
