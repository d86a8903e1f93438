using OrderConsole.Core.Live;
using OrderConsole.Core.Storage;

namespace OrderConsole.Api;

/// <summary>The HTTP API's services and endpoints: problem details, rate limits, the state cache, event streams, OpenAPI.</summary>
public static class ApiServices
{
    public static IServiceCollection AddOrderApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddProblemDetails();
        services.AddExceptionHandler<OrderProblems>();

        // Binding failures (a malformed query value or body) throw, so they answer as problem details too.
        services.Configure<RouteHandlerOptions>(routes => routes.ThrowOnBadRequest = true);
        services.AddOutputCache(cache => cache.AddPolicy(StateCache.Policy, new StateCache()));
        services.AddHostedService<StateCacheEviction>();
        services.AddSingleton(provider => new FeedFollower(
            provider.GetRequiredKeyedService<IOrderFeed>(FeedFollower.ReplayFeed), provider.GetRequiredService<LiveOrders>()));
        services.AddSingleton<VersionedViews<DeliveryView>>();
        services.AddOpenApi();
        return services;
    }

    public static IEndpointRouteBuilder MapOrderApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapAuthApi();
        endpoints.MapOrdersApi();
        endpoints.MapOrdersCsvApi();
        endpoints.MapProofApi();
        endpoints.MapSuppliersApi();
        endpoints.MapDriversApi();
        endpoints.MapStateApi();
        endpoints.MapBatchApi();
        endpoints.MapEventStreamsApi();
        endpoints.MapMetricsApi();
        endpoints.MapSettingsApi();
        endpoints.MapWebhooksApi();
        endpoints.MapOpenApi();
        return endpoints;
    }
}
