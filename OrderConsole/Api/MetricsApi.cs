using Microsoft.AspNetCore.Http.HttpResults;
using OrderConsole.Accounts;
using OrderConsole.Core.Live;

namespace OrderConsole.Api;

/// <summary><c>GET /api/metrics</c>: the marketplace's performance as JSON, for staff.</summary>
public static class MetricsApi
{
    public static IEndpointRouteBuilder MapMetricsApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/metrics", GetMetrics)
            .RequireStaff(ConsoleRoles.Dispatcher)
            .WithName("GetPerformanceMetrics")
            .WithSummary("Orders by status, delivery time average and p95, on-time rate, per supplier and per driver, customer feedback")
            .WithTags("Metrics");
        return endpoints;
    }

    public static Ok<PerformanceFigures> GetMetrics(LiveOrders live, TimeProvider clock) =>
        TypedResults.Ok(PerformanceFigures.Compute(live.Orders(), live.Suppliers(), live.Drivers(), clock.GetUtcNow()));
}
