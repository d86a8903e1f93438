using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OrderConsole.Core.Observability;
using OrderConsole.Core.Orders;
using OrderConsole.Observability;
using Prometheus;

namespace MetricsScrapeBench;

/// <summary>
/// The console's metrics export (our meter through the bridge, the platform meters through the adapter, the
/// process metrics) filled the way a busy instance would: every order transition, deliveries, and the HTTP
/// middleware's request histogram over routes, methods and status codes.
/// </summary>
internal sealed class BusyInstance : IDisposable
{
    private readonly ServiceProvider _services;
    private readonly MetricsExport _export;

    private BusyInstance(int routes)
    {
        _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        _export = new MetricsExport(Options.Create(new MetricsOptions()), _services.GetRequiredService<IMeterFactory>());
        RecordOrders();
        RecordRequests(Metrics.WithCustomRegistry(_export.Registry), routes);
    }

    public CollectorRegistry Registry => _export.Registry;

    public static BusyInstance Start(int routes) => new(routes);

    public void Dispose()
    {
        _export.Dispose();
        _services.Dispose();
    }

    private static void RecordOrders()
    {
        var now = DateTimeOffset.UtcNow;
        var statuses = OrderStatusNames.All;
        foreach (var from in statuses)
        {
            foreach (var to in statuses)
            {
                var order = new Order
                {
                    Id = Guid.NewGuid(), TrackingId = "1", TrackingToken = "t", SupplierId = "s", SupplierName = "S", Items = [new OrderItem("P", 1, 10)],
                    SupplierPrice = 10, Status = to, CreatedAt = now, UpdatedAt = now,
                    CustomerAcceptedAt = now.AddMinutes(-50), DispatchedAt = now.AddMinutes(-20), DeliveredAt = now,
                };
                OrderMetrics.RecordTransition(from, order);
            }
        }

        OrderMetrics.RecordCreated();
        LiveMetrics.RecordUpdateLatency(TimeSpan.FromMilliseconds(12));
    }

    // The same family, labels and buckets as prometheus-net's HTTP request duration middleware.
    private static void RecordRequests(IMetricFactory factory, int routes)
    {
        var duration = factory.CreateHistogram("http_request_duration_seconds", "The duration of HTTP requests processed by an ASP.NET Core application.",
            ["code", "method", "controller", "action", "endpoint"], new HistogramConfiguration { Buckets = Histogram.ExponentialBuckets(0.001, 2, 16) });
        foreach (var route in Enumerable.Range(0, routes))
        {
            foreach (var method in new[] { "GET", "POST" })
            {
                foreach (var status in new[] { "200", "400", "404", "500" })
                {
                    duration.WithLabels(status, method, "", "", $"/api/orders/{route}").Observe(0.01 * (route % 7));
                }
            }
        }
    }
}
