using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using OrderConsole.Core.Orders;
using OrderConsole.Core.Service;
using OrderConsole.Core.Storage;
using OrderConsole.Tests.Support;

namespace OrderConsole.Tests.Api;

/// <summary><c>GET /api/metrics</c>: staff only, JSON in snake_case over the demo data.</summary>
public sealed class MetricsApiTests(WebApplicationFactory<Program> factory) : IClassFixture<WebApplicationFactory<Program>>
{
    [Fact]
    public async Task Without_signing_in_the_performance_metrics_answer_401()
    {
        using var client = SignedInClient.Anonymous(factory);

        using var response = await client.GetAsync(new Uri("/api/metrics", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_supplier_may_not_read_the_performance_metrics()
    {
        using var client = await SignedInClient.AsAsync(factory, "supplier1");

        using var response = await client.GetAsync(new Uri("/api/metrics", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task A_dispatcher_reads_orders_by_status_delivery_times_and_figures_per_supplier_and_driver()
    {
        using var client = await SignedInClient.AsAsync(factory, "dispatcher");

        using var response = await client.GetAsync(new Uri("/api/metrics", UriKind.Relative));
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = json.RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(root.GetProperty("orders_by_status").GetProperty("delivered").GetInt32() >= 6);
        Assert.Equal(JsonValueKind.Number, root.GetProperty("average_delivery_time_seconds").ValueKind);
        Assert.Equal(JsonValueKind.Number, root.GetProperty("p95_delivery_time_seconds").ValueKind);
        Assert.Equal(3, root.GetProperty("suppliers").GetArrayLength());
        Assert.Equal(5, root.GetProperty("drivers").GetArrayLength());
        Assert.True(root.GetProperty("suppliers")[0].TryGetProperty("acceptance_rate", out _));
    }

    [Fact]
    public async Task The_metrics_carry_customers_ratings_and_latest_comments()
    {
        var store = factory.Services.GetRequiredService<IOrderStore>();
        var delivered = (await store.ListAsync(new OrderQuery { Statuses = [OrderStatus.Delivered], Limit = 50 })).First(order => order.Feedback is null);
        await factory.Services.GetRequiredService<OrderService>().GiveFeedbackAsync(delivered.TrackingToken, 3, "Driver could not find the door");
        using var client = await SignedInClient.AsAsync(factory, "dispatcher");

        await Eventually.HoldsAsync(async () =>
        {
            using var json = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/metrics", UriKind.Relative)));
            var feedback = json.RootElement.GetProperty("feedback");
            return feedback.GetProperty("ratings").GetInt32() >= 1
                && feedback.GetProperty("average_stars").ValueKind == JsonValueKind.Number
                && feedback.GetProperty("latest_comments").EnumerateArray().Any(comment =>
                    comment.GetProperty("comment").GetString() == "Driver could not find the door"
                    && comment.GetProperty("stars").GetInt32() == 3
                    && comment.GetProperty("supplier_tracking_id").GetString() == delivered.SupplierTrackingId);
        }, "the metrics show the new rating");
    }
}
