using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using OrderConsole.Tests.Support;

namespace OrderConsole.Tests.Api;

/// <summary>The whole life of an order driven by HTTP alone, each step by the role that makes it, signed in with bearer tokens.</summary>
public sealed class OrderFlowApiTests(WebApplicationFactory<Program> factory) : IClassFixture<WebApplicationFactory<Program>>
{
    [Fact]
    public async Task An_order_goes_from_creation_to_delivery_over_http_and_the_delivery_shows_33_66_100()
    {
        using var supplier = await ApiClient.AsAsync(factory, "supplier1");
        using var customer = await ApiClient.AsAsync(factory, "customer");
        using var dispatcher = await ApiClient.AsAsync(factory, "dispatcher");
        var id = await supplier.CreateOrderAsync("Quattro Formaggi", 12.5m);

        await Expect(supplier, $"/api/orders/{id}/supplier-respond?accept=true&notes=extra%20crispy&estimated_time=40", "supplier_accepted");
        var accepted = await Expect(customer, $"/api/orders/{id}/customer-accept?customer_name=Mia%20Rossi&delivery_address=1%20Main%20St&customer_phone=%2B1%20555%200199", "customer_accepted");
        await Expect(supplier, $"/api/orders/{id}/status?status=preparing", "preparing");
        await Expect(supplier, $"/api/orders/{id}/status?status=ready", "ready");
        var driver = await AvailableDriverAsync(dispatcher);
        await Expect(dispatcher, $"/api/orders/{id}/dispatch?driver_name={Uri.EscapeDataString(driver.Name)}", "dispatched");
        var dispatched = await DeliveryAsync(dispatcher, id);
        await Expect(dispatcher, $"/api/orders/{id}/status?status=in_transit", "in_transit");
        var inTransit = await DeliveryAsync(dispatcher, id);
        await Expect(dispatcher, $"/api/orders/{id}/status?status=delivered", "delivered");
        var delivered = await DeliveryAsync(dispatcher, id);

        Assert.Equal(16.25m, accepted.GetProperty("customer_price").GetDecimal());
        Assert.Equal([33, 66, 100], new[] { dispatched, inTransit, delivered }.Select(view => view.GetProperty("progress_percentage").GetInt32()));
        Assert.Equal(["dispatched", "in_transit", "delivered"], new[] { dispatched, inTransit, delivered }.Select(view => view.GetProperty("current_status").GetString()));
        Assert.Equal(driver.Id, delivered.GetProperty("driver").GetProperty("id").GetString());
        Assert.Equal(JsonValueKind.String, delivered.GetProperty("estimated_arrival").ValueKind);
        Assert.Equal(
            ["order.created", "order.supplier_accepted", "order.customer_accepted", "order.preparing", "order.ready", "order.dispatched", "order.in_transit", "order.delivered"],
            delivered.GetProperty("history").EnumerateArray().Select(step => step.GetProperty("event_type").GetString()));
    }

    [Fact]
    public async Task A_dispatched_order_is_reassigned_to_another_driver_who_then_delivers_it()
    {
        using var supplier = await ApiClient.AsAsync(factory, "supplier1");
        using var customer = await ApiClient.AsAsync(factory, "customer");
        using var dispatcher = await ApiClient.AsAsync(factory, "dispatcher");
        var id = await supplier.CreateOrderAsync();
        await Expect(supplier, $"/api/orders/{id}/supplier-respond?accept=true&estimated_time=30", "supplier_accepted");
        await Expect(customer, $"/api/orders/{id}/customer-accept?customer_name=Ola&delivery_address=2%20Side%20St", "customer_accepted");
        await Expect(supplier, $"/api/orders/{id}/status?status=preparing", "preparing");
        await Expect(supplier, $"/api/orders/{id}/status?status=ready", "ready");
        var first = await AvailableDriverAsync(dispatcher);
        await Expect(dispatcher, $"/api/orders/{id}/dispatch?driver_id={first.Id}", "dispatched");
        var second = await AvailableDriverAsync(dispatcher, except: first.Id);

        var reassigned = await Expect(dispatcher, $"/api/orders/{id}/reassign?driver_id={second.Id}", "dispatched");
        await Expect(dispatcher, $"/api/orders/{id}/status?status=in_transit", "in_transit");
        await Expect(dispatcher, $"/api/orders/{id}/status?status=delivered", "delivered");

        Assert.Equal(second.Id, reassigned.GetProperty("driver_id").GetString());
        Assert.NotEqual(first.Id, second.Id);
    }

    [Fact]
    public async Task The_delivery_of_an_order_that_is_not_dispatched_yet_answers_400()
    {
        using var supplier = await ApiClient.AsAsync(factory, "supplier1");
        var id = await supplier.CreateOrderAsync();

        using var response = await supplier.GetAsync(ApiClient.Path($"/api/orders/{id}/delivery"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("until it is dispatched", (await response.JsonAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_events_of_an_order_are_its_history_oldest_first()
    {
        using var supplier = await ApiClient.AsAsync(factory, "supplier1");
        var id = await supplier.CreateOrderAsync();
        await Expect(supplier, $"/api/orders/{id}/supplier-respond?accept=false&notes=out%20of%20dough", "supplier_rejected");

        using var response = await supplier.GetAsync(ApiClient.Path($"/api/orders/{id}/events"));
        var events = await response.JsonAsync();

        Assert.Equal(["order.created", "order.supplier_rejected"], events.EnumerateArray().Select(change => change.GetProperty("event_type").GetString()));
        Assert.Equal("out of dough", events[1].GetProperty("order").GetProperty("rejection_reason").GetString());
    }

    [Fact]
    public async Task A_new_order_names_its_supplier_by_name_and_may_have_several_items()
    {
        using var admin = await ApiClient.AsAsync(factory, "admin");

        using var response = await admin.PostAsJsonAsync(ApiClient.Path("/api/orders"), new
        {
            supplier_name = "napoli express",
            items = new object[] { new { name = "Marinara", quantity = 2, unit_price = 8 }, new { name = "Diavola", unit_price = 11.5 } },
        });
        var order = await response.JsonAsync();

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal($"/api/orders/{order.GetProperty("id").GetString()}", response.Headers.Location?.OriginalString);
        Assert.Equal("napoli", order.GetProperty("supplier_id").GetString());
        Assert.Equal(27.5m, order.GetProperty("supplier_price").GetDecimal());
        Assert.Equal(2, order.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Orders_are_listed_a_page_at_a_time_with_a_cursor()
    {
        using var dispatcher = await ApiClient.AsAsync(factory, "dispatcher");

        var first = await (await dispatcher.GetAsync(ApiClient.Path("/api/orders?limit=3"))).JsonAsync();
        var cursor = first.GetProperty("next_cursor").GetString();
        var second = await (await dispatcher.GetAsync(ApiClient.Path($"/api/orders?limit=3&cursor={cursor}"))).JsonAsync();

        Assert.Equal(3, first.GetProperty("count").GetInt32());
        Assert.Empty(Ids(first).Intersect(Ids(second)));
        Assert.Equal(3, Ids(second).Count());
    }

    [Fact]
    public async Task Orders_are_filtered_by_status_and_supplier()
    {
        using var dispatcher = await ApiClient.AsAsync(factory, "dispatcher");

        var page = await (await dispatcher.GetAsync(ApiClient.Path("/api/orders?status=delivered,cancelled&supplier_id=luigis&limit=500"))).JsonAsync();
        var orders = page.GetProperty("orders").EnumerateArray().ToList();

        Assert.NotEmpty(orders);
        Assert.All(orders, order => Assert.Equal("luigis", order.GetProperty("supplier_id").GetString()));
        Assert.All(orders, order => Assert.Contains(order.GetProperty("status").GetString(), new[] { "delivered", "cancelled" }));
    }

    [Fact]
    public async Task A_supplier_lists_only_their_own_suppliers_orders()
    {
        using var supplier = await ApiClient.AsAsync(factory, "supplier2");

        var page = await (await supplier.GetAsync(ApiClient.Path("/api/orders?limit=500"))).JsonAsync();

        Assert.All(page.GetProperty("orders").EnumerateArray(), order => Assert.Equal("napoli", order.GetProperty("supplier_id").GetString()));
    }

    private static IEnumerable<string?> Ids(JsonElement page) =>
        page.GetProperty("orders").EnumerateArray().Select(order => order.GetProperty("id").GetString());

    private static async Task<JsonElement> Expect(HttpClient client, string path, string status)
    {
        using var response = await client.PostAsync(path);
        var body = await response.JsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path} answered {(int)response.StatusCode}: {body}");
        Assert.Equal(status, body.GetProperty("status").GetString());
        return body;
    }

    private static async Task<JsonElement> DeliveryAsync(HttpClient client, string id)
    {
        using var response = await client.GetAsync(ApiClient.Path($"/api/orders/{id}/delivery"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.JsonAsync();
    }

    private static async Task<(string Id, string Name)> AvailableDriverAsync(HttpClient dispatcher, string? except = null)
    {
        var state = await (await dispatcher.GetAsync(ApiClient.Path("/api/state"))).JsonAsync();
        var driver = state.GetProperty("drivers_on_shift").EnumerateArray()
            .First(candidate => candidate.GetProperty("status").GetString() == "available" && candidate.GetProperty("id").GetString() != except);
        return (driver.GetProperty("id").GetString()!, driver.GetProperty("name").GetString()!);
    }
}
