using OrderConsole.Observability;

namespace OrderConsole.Tests.Observability;

/// <summary>Family and label names come out as the OpenTelemetry Prometheus exporter gives them.</summary>
public sealed class NamingTests
{
    [Theory]
    [InlineData("orderconsole.orders.created", "{order}", MetricKind.Counter, "orderconsole_orders_created_total")]
    [InlineData("orderconsole.delivery.duration", "s", MetricKind.Histogram, "orderconsole_delivery_duration_seconds")]
    [InlineData("orderconsole.feed.lag", "s", MetricKind.Gauge, "orderconsole_feed_lag_seconds")]
    [InlineData("dotnet.gc.heap.total_allocated", "By", MetricKind.Counter, "dotnet_gc_heap_total_allocated_bytes_total")]
    [InlineData("dotnet.process.cpu.time", "s", MetricKind.Counter, "dotnet_process_cpu_time_seconds_total")]
    [InlineData("kestrel.active_connections", "{connection}", MetricKind.Gauge, "kestrel_active_connections")]
    [InlineData("http.server.request.duration", "s", MetricKind.Histogram, "http_server_request_duration_seconds")]
    [InlineData("net.bytes.sent", "By/s", MetricKind.Gauge, "net_bytes_sent_bytes_per_second")]
    [InlineData("cpu.utilization", "1", MetricKind.Gauge, "cpu_utilization_ratio")]
    [InlineData("cache.hit_ratio", "1", MetricKind.Gauge, "cache_hit_ratio")]
    [InlineData("jobs.done", "1", MetricKind.Counter, "jobs_done_total")]
    [InlineData("requests_total", "", MetricKind.Counter, "requests_total")]
    [InlineData("queue.wait_seconds", "s", MetricKind.Histogram, "queue_wait_seconds")]
    [InlineData("weird-name..with spaces", null, MetricKind.Gauge, "weird_name_with_spaces")]
    [InlineData("9lives", null, MetricKind.Gauge, "_9lives")]
    public void Instrument_names_and_units_become_family_names(string instrument, string? unit, MetricKind kind, string expected) =>
        Assert.Equal(expected, PrometheusNames.Family(instrument, unit, kind));

    [Theory]
    [InlineData("http.request.method", "http_request_method")]
    [InlineData("error.type", "error_type")]
    [InlineData("status", "status")]
    [InlineData("gc.heap.generation", "gc_heap_generation")]
    [InlineData("a-b:c", "a_b_c")]
    [InlineData("1st", "_1st")]
    public void Tag_names_become_valid_label_names(string tag, string expected) =>
        Assert.Equal(expected, PrometheusNames.Label(tag));
}
