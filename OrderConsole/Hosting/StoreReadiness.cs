using Microsoft.Extensions.Diagnostics.HealthChecks;
using OrderConsole.Core.Live;
using OrderConsole.Core.Storage.InMemory;
using OrderConsole.Core.Storage.Redis;

namespace OrderConsole.Hosting;

/// <summary>Ready means the store can be reached (on Redis: the multiplexer is connected) and the live feed is being read.</summary>
internal sealed class StoreReadiness(LiveOrders live, IServiceProvider services) : IHealthCheck
{
    public const string Tag = "ready";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (services.GetService<RedisStoreConnection>() is { IsConnected: false })
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("store unreachable"));
        }

        if (services.GetService<EmbeddedStore>()?.Journal is { IsFailed: true })
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("the embedded store's journal cannot be written"));
        }

        return Task.FromResult(live.IsFeedConnected ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("live feed paused"));
    }
}
