using OrderConsole.Observability;

namespace OrderConsole.Tests.Observability;

/// <summary>Our instruments' family names: meter then instrument, units named, counters ending in _total.</summary>
public sealed class PrometheusNamesTests
{
    [Theory]
    [InlineData("orderconsole.orders.created", "{order}", ExportKind.Counter, "orderconsole_orders_created_total")]
    [InlineData("orderconsole.delivery.duration", "s", ExportKind.Histogram, "orderconsole_delivery_duration_seconds")]
    [InlineData("orderconsole.feed.lag", "s", ExportKind.Gauge, "orderconsole_feed_lag_seconds")]
    [InlineData("orderconsole.orders.by_status", "{order}", ExportKind.Gauge, "orderconsole_orders_by_status")]
    [InlineData("redis.command.duration", "s", ExportKind.Histogram, "orderconsole_redis_command_duration_seconds")]
    [InlineData("redis.connection.reconnects", "{attempt}", ExportKind.Counter, "orderconsole_redis_connection_reconnects_total")]
    [InlineData("render.time", "ms", ExportKind.Histogram, "orderconsole_render_time_seconds")]
    [InlineData("payload.size", "By", ExportKind.Histogram, "orderconsole_payload_size_bytes")]
    [InlineData("requests_total", "", ExportKind.Counter, "orderconsole_requests_total")]
    [InlineData("queue.wait_seconds", "s", ExportKind.Histogram, "orderconsole_queue_wait_seconds")]
    [InlineData("Weird-Name..with spaces", null, ExportKind.Gauge, "orderconsole_weird_name_with_spaces")]
    public void Instruments_of_the_console_meter_get_family_names_under_orderconsole(string instrument, string? unit, ExportKind kind, string expected) =>
        Assert.Equal(expected, PrometheusNames.Family("OrderConsole", instrument, unit, kind));

    [Theory]
    [InlineData("db.operation.name", "db_operation_name")]
    [InlineData("error.type", "error_type")]
    [InlineData("status", "status")]
    [InlineData("a-b:c", "a_b_c")]
    [InlineData("1st", "_1st")]
    public void Tag_names_become_valid_label_names(string tag, string expected) =>
        Assert.Equal(expected, PrometheusNames.Label(tag));
}
