using System.Diagnostics.Metrics;
using OrderConsole.Core.Observability;
using OrderConsole.Core.Orders;

namespace MetricsScrapeBench;

/// <summary>
/// Fills the meters the way a busy instance would: every order transition, deliveries, and an HTTP-like
/// request histogram over routes, methods and status codes, next to the runtime meter.
/// </summary>
internal static class BusyInstance
{
    public const string HttpMeterName = "Bench.Http";

    public static void Record(Meter http, int routes)
    {
        var now = DateTimeOffset.UtcNow;
        var statuses = OrderStatusNames.All;
        foreach (var from in statuses)
        {
            foreach (var to in statuses)
            {
                var order = new Order
                {
                    Id = Guid.NewGuid(), TrackingId = "1", TrackingToken = "t", SupplierId = "s", SupplierName = "S", PizzaName = "P",
                    SupplierPrice = 10, Status = to, CreatedAt = now, UpdatedAt = now,
                    CustomerAcceptedAt = now.AddMinutes(-50), DispatchedAt = now.AddMinutes(-20), DeliveredAt = now,
                };
                OrderMetrics.RecordTransition(from, order);
            }
        }

        OrderMetrics.RecordCreated();
        var duration = http.CreateHistogram("http.server.request.duration", unit: "s", description: "HTTP request duration.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10] });
        foreach (var route in Enumerable.Range(0, routes))
        {
            foreach (var method in new[] { "GET", "POST" })
            {
                foreach (var status in new[] { 200, 400, 404, 500 })
                {
                    duration.Record(0.01 * (route % 7), new("http.route", $"/api/orders/{route}"), new("http.request.method", method), new("http.response.status_code", status));
                }
            }
        }
    }
}
