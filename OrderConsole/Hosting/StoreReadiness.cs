using Microsoft.Extensions.Diagnostics.HealthChecks;
using OrderConsole.Core.Live;
using OrderConsole.Core.Redis;

namespace OrderConsole.Hosting;

/// <summary>Ready means the store answers and the live feed is being read; the Redis store is asked with a PING.</summary>
internal sealed class StoreReadiness(LiveOrders live, IServiceProvider services) : IHealthCheck
{
    public const string Tag = "ready";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (services.GetService<RedisConnection>() is { } redis)
        {
            try
            {
                await redis.ExecuteAsync(["PING"], TimeSpan.FromSeconds(2), cancellationToken);
            }
            catch (RedisException)
            {
                return HealthCheckResult.Unhealthy("store unreachable");
            }
        }

        return live.IsFeedConnected ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("live feed paused");
    }
}
