using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using OrderConsole.Tests.Support;

namespace OrderConsole.Tests.Api;

/// <summary><c>POST /api/events/batch</c>: every event in order or none, a rollback event on refusal, once per correlation id.</summary>
public sealed class BatchApiTests(WebApplicationFactory<Program> factory) : IClassFixture<WebApplicationFactory<Program>>
{
    [Fact]
    public async Task A_batch_applies_every_event_in_order()
    {
        using var admin = await ApiClient.AsAsync(factory, "admin");
        var id = await admin.CreateOrderAsync(supplierId: "luigis");
        var correlation = Guid.NewGuid().ToString();

        using var response = await admin.PostAsJsonAsync(ApiClient.Path("/api/events/batch"), Batch(correlation, id, "order.supplier_accepted", "order.customer_accepted", "order.preparing", "order.ready"));
        var outcome = await response.JsonAsync();
        var order = await (await admin.GetAsync(ApiClient.Path($"/api/orders/{id}"))).JsonAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(outcome.GetProperty("success").GetBoolean());
        Assert.Equal(4, outcome.GetProperty("events_processed").GetInt32());
        Assert.Equal(correlation, outcome.GetProperty("correlation_id").GetString());
        Assert.Equal(JsonValueKind.String, outcome.GetProperty("timestamp").ValueKind);
        Assert.Equal("ready", order.GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_batch_with_an_illegal_third_event_changes_nothing_says_which_failed_and_publishes_a_rollback()
    {
        using var admin = await ApiClient.AsAsync(factory, "admin");
        var id = await admin.CreateOrderAsync(supplierId: "luigis");
        var correlation = Guid.NewGuid().ToString();
        using var stream = await SseClient.OpenAsync(admin, lastEventId: null);

        using var response = await admin.PostAsJsonAsync(ApiClient.Path("/api/events/batch"), Batch(correlation, id, "order.supplier_accepted", "order.customer_accepted", "order.ready"));
        var problem = await response.JsonAsync();
        var rollback = await stream.NextAsync(item => item.EventType == "batch.rolled_back");
        var history = await (await admin.GetAsync(ApiClient.Path($"/api/orders/{id}/events"))).JsonAsync();

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.False(problem.GetProperty("success").GetBoolean());
        Assert.Equal(2, problem.GetProperty("failed_event_index").GetInt32());
        Assert.Equal("order.ready", problem.GetProperty("failed_event_type").GetString());
        Assert.Contains("event 3", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, history.GetArrayLength());
        using var envelope = JsonDocument.Parse(rollback.Data);
        Assert.Equal(correlation, envelope.RootElement.GetProperty("correlation_id").GetString());
    }

    [Fact]
    public async Task A_batch_repeated_with_its_correlation_id_applies_once()
    {
        using var admin = await ApiClient.AsAsync(factory, "admin");
        var id = await admin.CreateOrderAsync(supplierId: "luigis");
        var batch = Batch(Guid.NewGuid().ToString(), id, "order.supplier_accepted");

        using var first = await admin.PostAsJsonAsync(ApiClient.Path("/api/events/batch"), batch);
        using var repeat = await admin.PostAsJsonAsync(ApiClient.Path("/api/events/batch"), batch);
        var history = await (await admin.GetAsync(ApiClient.Path($"/api/orders/{id}/events"))).JsonAsync();

        Assert.Equal(HttpStatusCode.OK, repeat.StatusCode);
        Assert.Equal(2, history.GetArrayLength());
    }

    [Fact]
    public async Task A_batch_naming_a_malformed_order_id_answers_400_naming_the_event()
    {
        using var admin = await ApiClient.AsAsync(factory, "admin");

        using var response = await admin.PostAsJsonAsync(ApiClient.Path("/api/events/batch"), new
        {
            correlation_id = "c-1",
            events = new[] { new { event_type = "order.preparing", order_id = "nope" } },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("events[0].order_id", (await response.JsonAsync()).GetProperty("field").GetString());
    }

    [Fact]
    public async Task A_supplier_batch_touching_another_suppliers_order_is_refused_as_a_whole()
    {
        using var luigis = await ApiClient.AsAsync(factory, "supplier1");
        using var napoli = await ApiClient.AsAsync(factory, "supplier2");
        var own = await napoli.CreateOrderAsync();
        var theirs = await luigis.CreateOrderAsync();

        using var response = await napoli.PostAsJsonAsync(ApiClient.Path("/api/events/batch"), new
        {
            correlation_id = Guid.NewGuid().ToString(),
            events = new[]
            {
                new { event_type = "order.supplier_accepted", order_id = own, data = new { estimated_time = 20 } },
                new { event_type = "order.supplier_accepted", order_id = theirs, data = new { estimated_time = 20 } },
            },
        });
        var order = await (await napoli.GetAsync(ApiClient.Path($"/api/orders/{own}"))).JsonAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(1, (await response.JsonAsync()).GetProperty("failed_event_index").GetInt32());
        Assert.Equal("pending_supplier", order.GetProperty("status").GetString());
    }

    private static object Batch(string correlation, string orderId, params string[] eventTypes) => new
    {
        correlation_id = correlation,
        events = eventTypes.Select(type => new
        {
            event_type = type,
            order_id = orderId,
            data = new Dictionary<string, object>
            {
                ["estimated_time"] = 30,
                ["customer_name"] = "Batch Customer",
                ["delivery_address"] = "9 Batch Road",
            },
        }).ToArray(),
    };
}
