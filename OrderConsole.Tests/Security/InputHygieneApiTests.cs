using System.Net;
using System.Net.Http.Json;
using System.Text;
using OrderConsole.Tests.Support;

namespace OrderConsole.Tests.Security;

/// <summary>
/// Bad input over the API: control characters and direction overrides refused at their field, numbers only as JSON
/// numbers, parameters that contradict each other refused naming both, and every refusal a problem with a useful detail.
/// </summary>
public sealed class InputHygieneApiTests(RequestForgeryTests.DemoConsole console) : IClassFixture<RequestForgeryTests.DemoConsole>
{
    [Fact]
    public async Task A_customer_name_of_control_characters_answers_400_naming_the_field_and_changes_nothing()
    {
        var id = await OfferAsync();
        using var customer = await ApiClient.AsAsync(console, "customer");

        using var refused = await customer.PostAsync($"/api/orders/{id}/customer-accept?customer_name=%00%07&delivery_address=12+Harbor+St");
        var order = await (await (await ApiClient.AsAsync(console, "supplier1")).GetAsync(ApiClient.Path($"/api/orders/{id}"))).JsonAsync();

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("customer_name", (await refused.JsonAsync()).GetProperty("field").GetString());
        Assert.Equal("supplier_accepted", order.GetProperty("status").GetString());
    }

    [Fact]
    public async Task An_item_name_with_a_direction_override_answers_400_naming_the_field()
    {
        using var supplier = await ApiClient.AsAsync(console, "supplier1");

        using var refused = await supplier.PostAsJsonAsync(ApiClient.Path("/api/orders"), new { items = new[] { new { name = "\u202Eatirehgram", unit_price = 9.5m } } });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("pizza_name", (await refused.JsonAsync()).GetProperty("field").GetString());
    }

    [Fact]
    public async Task A_price_sent_as_a_json_string_is_refused()
    {
        using var supplier = await ApiClient.AsAsync(console, "supplier1");

        using var refused = await supplier.PostAsync(ApiClient.Path("/api/orders"),
            new StringContent("{\"pizza_name\":\"Margherita\",\"supplier_price\":\"9.5\"}", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Items_and_pizza_name_together_answer_400_naming_both()
    {
        using var supplier = await ApiClient.AsAsync(console, "supplier1");

        using var refused = await supplier.PostAsJsonAsync(ApiClient.Path("/api/orders"),
            new { pizza_name = "Margherita", supplier_price = 9.5m, items = new[] { new { name = "Diavola", unit_price = 11m } } });
        var problem = await refused.JsonAsync();

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("items,pizza_name", problem.GetProperty("field").GetString());
        Assert.Contains("not both", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Driver_id_and_driver_name_naming_different_drivers_answer_400_naming_both()
    {
        using var dispatcher = await ApiClient.AsAsync(console, "dispatcher");
        var ready = (await (await dispatcher.GetAsync(ApiClient.Path("/api/orders?status=ready&limit=1"))).JsonAsync()).GetProperty("orders")[0].GetProperty("id").GetString();

        using var refused = await dispatcher.PostAsync($"/api/orders/{ready}/dispatch?driver_id=drv-ana&driver_name=Ben+Okafor");
        var problem = await refused.JsonAsync();
        var order = await (await dispatcher.GetAsync(ApiClient.Path($"/api/orders/{ready}"))).JsonAsync();

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("driver_id,driver_name", problem.GetProperty("field").GetString());
        Assert.Contains("name different drivers", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("ready", order.GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_request_without_sign_in_gets_a_401_problem_saying_how_to_sign_in()
    {
        using var refused = await SignedInClient.Anonymous(console).GetAsync(ApiClient.Path("/api/orders"));

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Contains("POST /api/auth/login", (await refused.JsonAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_role_refusal_gets_a_403_problem_naming_the_roles_it_needs()
    {
        using var customer = await ApiClient.AsAsync(console, "customer");

        using var refused = await customer.GetAsync(ApiClient.Path("/api/state"));
        var detail = (await refused.JsonAsync()).GetProperty("detail").GetString();

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("dispatcher", detail, StringComparison.Ordinal);
        Assert.Contains("customer", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cookie_callers_role_refusal_gets_a_403_problem_too()
    {
        using var customer = await SignedInClient.AsAsync(console, "customer");

        using var refused = await customer.GetAsync(ApiClient.Path("/api/state"));

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("needs one of the roles", (await refused.JsonAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_of_the_wrong_media_type_gets_a_415_problem_saying_what_to_send()
    {
        using var supplier = await ApiClient.AsAsync(console, "supplier1");

        using var refused = await supplier.PostAsync(ApiClient.Path("/api/orders"), new StringContent("pizza_name=Margherita", Encoding.UTF8, "text/plain"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, refused.StatusCode);
        Assert.Contains("application/json", (await refused.JsonAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    private async Task<string> OfferAsync()
    {
        using var supplier = await ApiClient.AsAsync(console, "supplier1");
        var id = await supplier.CreateOrderAsync();
        using var accepted = await supplier.PostAsync($"/api/orders/{id}/supplier-respond?accept=true&estimated_time=30");
        accepted.EnsureSuccessStatusCode();
        return id;
    }
}
