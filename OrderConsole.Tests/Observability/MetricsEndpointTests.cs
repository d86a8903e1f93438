using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using OrderConsole.Core.Orders;
using OrderConsole.Core.Service;
using OrderConsole.Observability;
using OrderConsole.Tests.Support;

namespace OrderConsole.Tests.Observability;

/// <summary>The app's <c>/metrics</c> endpoint, hosted in memory.</summary>
public sealed class MetricsEndpointTests(WebApplicationFactory<Program> factory) : IClassFixture<WebApplicationFactory<Program>>
{
    [Fact]
    public async Task Metrics_are_served_as_Prometheus_text_version_0_0_4()
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/metrics", UriKind.Relative));

        response.EnsureSuccessStatusCode();
        Assert.Equal("text/plain; version=0.0.4; charset=utf-8", response.Content.Headers.ContentType?.ToString());
    }

    [Fact]
    public async Task A_created_order_is_counted_in_orderconsole_orders_created_total()
    {
        using var client = factory.CreateClient();
        var orders = factory.Services.GetRequiredService<OrderService>();

        await orders.CreateAsync(Marketplace.LuigisSupplier, new CreateOrder("luigis", [new OrderItem("Margherita", 1, 10m)]));

        var scrape = Exposition.Of(await client.GetStringAsync(new Uri("/metrics", UriKind.Relative)));
        Assert.True(scrape.Value("orderconsole_orders_created_total") >= 1);
        Assert.Contains("# TYPE orderconsole_orders_created_total counter", scrape.Lines);
    }

    [Fact]
    public async Task The_read_model_gauges_and_the_runtime_meter_are_exposed()
    {
        using var client = factory.CreateClient();

        var scrape = Exposition.Of(await client.GetStringAsync(new Uri("/metrics", UriKind.Relative)));

        Assert.Equal(10, scrape.Named("orderconsole_orders_by_status").Count());
        Assert.Single(scrape.Named("orderconsole_deliveries_active"));
        Assert.Single(scrape.Named("orderconsole_feed_lag_seconds"));
        Assert.NotEmpty(scrape.Named("dotnet_gc_heap_total_allocated_bytes_total"));
        Assert.NotEmpty(scrape.Named("dotnet_process_cpu_time_seconds_total"));
    }

    [Fact]
    public async Task The_platform_meters_are_published_and_listened_to()
    {
        using var client = factory.CreateClient();
        (await client.GetAsync(new Uri("/", UriKind.Relative))).Dispose();
        var collector = factory.Services.GetRequiredService<MetricsCollector>();
        var options = factory.Services.GetRequiredService<MetricsOptions>();

        foreach (var meter in new[] { "System.Runtime", "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Routing", "Microsoft.AspNetCore.Components", "OrderConsole" })
        {
            Assert.True(collector.MetersSeen.Contains(meter), $"{meter} is not among {string.Join(", ", collector.MetersSeen)}");
            Assert.True(options.Includes(meter), meter);
        }
    }
}
