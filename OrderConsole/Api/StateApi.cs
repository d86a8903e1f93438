using Microsoft.AspNetCore.Http.HttpResults;
using OrderConsole.Accounts;
using OrderConsole.Core.Live;
using OrderConsole.Core.Orders;
using OrderConsole.Core.Storage;
using OrderConsole.Hosting;

namespace OrderConsole.Api;

/// <summary>
/// <c>GET /api/state</c>: the marketplace at a glance for dispatchers and admins. Answers come from the output cache
/// for at most five seconds and are evicted as soon as the feed brings a change (<see cref="StateCache"/>).
/// </summary>
public static class StateApi
{
    public static IEndpointRouteBuilder MapStateApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/state", GetState)
            .RequireStaff(ConsoleRoles.Dispatcher)
            .RequireRateLimiting(ConsoleRateLimits.State)
            .CacheOutput(StateCache.Policy)
            .WithName("GetMarketState")
            .WithSummary("Totals, counts per status, open orders by status, drivers on shift, last change")
            .WithTags("State")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        return endpoints;
    }

    public static async Task<Ok<MarketState>> GetState(
        LiveOrders live, IOrderStore store, TimeProvider clock, CurrentSettings settings,
        [Microsoft.AspNetCore.Mvc.FromQuery(Name = "include_completed")] bool? includeCompleted, int? limit,
        CancellationToken cancellationToken)
    {
        var perStatus = limit switch
        {
            null => MarketState.DefaultOrdersPerStatus,
            < 0 or > MarketState.MaxOrdersPerStatus =>
                throw new OrderValidationException("limit", $"the limit must be between 0 and {MarketState.MaxOrdersPerStatus} orders per status; it was {limit}"),
            { } value => value,
        };
        var counts = await store.CountByStatusAsync(cancellationToken);
        var now = clock.GetUtcNow();
        return TypedResults.Ok(MarketState.Compute(
            counts, live.Orders(), live.Drivers(), now, live.LastEventAt, includeCompleted ?? false, perStatus, settings.Value.StartOfDay(now)));
    }
}
