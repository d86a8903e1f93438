using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using OrderConsole.Core.Observability;
using OrderConsole.Core.Orders;
using OrderConsole.Core.Service;
using OrderConsole.Tests.Support;

namespace OrderConsole.Tests.Observability;

/// <summary>The app's <c>/metrics</c> endpoint (prometheus-net), hosted in memory.</summary>
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
    public async Task A_created_order_is_counted_in_the_counter_orderconsole_orders_created_total()
    {
        using var client = factory.CreateClient();
        var orders = factory.Services.GetRequiredService<OrderService>();

        await orders.CreateAsync(Marketplace.LuigisSupplier, new CreateOrder("luigis", [new OrderItem("Margherita", 1, 10m)]));

        var scrape = await ScrapeAsync(client);
        Assert.True(scrape.Value("orderconsole_orders_created_total") >= 1);
        Assert.Contains("# TYPE orderconsole_orders_created_total counter", scrape.Lines);
    }

    [Fact]
    public async Task A_delivery_is_counted_and_timed_in_buckets_from_a_minute_to_two_hours()
    {
        using var client = factory.CreateClient();

        await KestrelConsole.DeliverAnOrderAsync(factory.Services);

        var scrape = await ScrapeAsync(client);
        Assert.True(scrape.Value("orderconsole_orders_transitions_total", "from=\"in_transit\",to=\"delivered\"") >= 1);
        Assert.Contains("# TYPE orderconsole_delivery_duration_seconds histogram", scrape.Lines);
        Assert.Equal(["60", "300", "600", "900", "1200", "1800", "2700", "3600", "5400", "7200", "+Inf"],
            scrape.Named("orderconsole_delivery_duration_seconds_bucket").Select(Exposition.LeOf));
        Assert.True(scrape.Value("orderconsole_order_fulfilment_duration_seconds_count") >= 1);
    }

    [Fact]
    public async Task Live_update_latency_is_timed_in_buckets_from_a_millisecond_to_ten_seconds()
    {
        using var client = factory.CreateClient();

        LiveMetrics.RecordUpdateLatency(TimeSpan.FromMilliseconds(3));

        var scrape = await ScrapeAsync(client);
        Assert.Equal(["0.001", "0.0025", "0.005", "0.01", "0.025", "0.05", "0.1", "0.25", "0.5", "1", "2.5", "5", "10", "+Inf"],
            scrape.Named("orderconsole_live_update_latency_seconds_bucket").Select(Exposition.LeOf));
        Assert.True(scrape.Named("orderconsole_live_update_latency_seconds_bucket").Single(bucket => Exposition.LeOf(bucket) == "0.005").Value >= 1);
    }

    [Fact]
    public async Task The_read_model_gauges_and_the_runtime_are_exposed()
    {
        using var client = factory.CreateClient();

        var scrape = await ScrapeAsync(client);

        Assert.Equal(10, scrape.Named("orderconsole_orders_by_status").Count());
        Assert.Contains("# TYPE orderconsole_orders_by_status gauge", scrape.Lines);
        Assert.Single(scrape.Named("orderconsole_deliveries_active"));
        Assert.Single(scrape.Named("orderconsole_feed_lag_seconds"));
        Assert.NotEmpty(scrape.Named("system_runtime_dotnet_gc_heap_total_allocated"));
        Assert.NotEmpty(scrape.Named("system_runtime_dotnet_process_cpu_time"));
    }

    [Fact]
    public async Task HTTP_requests_are_measured_once_by_the_prometheus_net_middleware()
    {
        using var client = factory.CreateClient();
        (await client.GetAsync(new Uri("/healthz", UriKind.Relative))).Dispose();

        var scrape = await ScrapeAsync(client);

        Assert.Contains(scrape.Named("http_request_duration_seconds_count"), sample => sample.Labels.Contains("endpoint=\"/healthz\"", StringComparison.Ordinal));
        Assert.Contains("# TYPE http_requests_received_total counter", scrape.Lines);
        Assert.DoesNotContain(scrape.Samples, sample => sample.Name.Contains("http_server_request_duration", StringComparison.Ordinal));
    }

    [Fact]
    public async Task What_happened_before_the_first_scrape_is_in_it()
    {
        await using var fresh = new WebApplicationFactory<Program>();
        using var client = fresh.CreateClient();
        (await client.GetAsync(new Uri("/healthz", UriKind.Relative))).Dispose();

        await KestrelConsole.DeliverAnOrderAsync(fresh.Services);

        var first = await ScrapeAsync(client);
        Assert.True(first.Value("orderconsole_orders_transitions_total", "from=\"in_transit\",to=\"delivered\"") >= 1);
        Assert.True(first.Value("orderconsole_delivery_duration_seconds_count") >= 1);
        Assert.Contains(first.Named("http_request_duration_seconds_count"), sample => sample.Labels.Contains("endpoint=\"/healthz\"", StringComparison.Ordinal));
    }

    private static async Task<Exposition> ScrapeAsync(HttpClient client) =>
        Exposition.Of(await client.GetStringAsync(new Uri("/metrics", UriKind.Relative)));
}
