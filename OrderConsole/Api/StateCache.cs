using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Primitives;
using OrderConsole.Core.Live;

namespace OrderConsole.Api;

/// <summary>
/// Output caching for <c>/api/state</c>: an answer lives at most five seconds and is evicted as soon as the feed
/// brings any change. The platform's default policy never caches signed-in requests; this answer is the same for
/// every caller allowed to see it (authorization runs before the cache), so it may be shared.
/// </summary>
public sealed class StateCache : IOutputCachePolicy
{
    public const string Policy = "state";
    public const string Tag = "state";
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(5);

    ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var cacheable = HttpMethods.IsGet(context.HttpContext.Request.Method);
        context.EnableOutputCaching = cacheable;
        context.AllowCacheLookup = cacheable;
        context.AllowCacheStorage = cacheable;
        context.AllowLocking = true;
        context.ResponseExpirationTimeSpan = MaxAge;
        context.Tags.Add(Tag);
        context.CacheVaryByRules.QueryKeys = new StringValues(["include_completed", "limit"]);
        return ValueTask.CompletedTask;
    }

    ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        // Only whole, successful answers are shared; a cookie being set would tie one to its caller.
        var response = context.HttpContext.Response;
        if (response.StatusCode != StatusCodes.Status200OK || !StringValues.IsNullOrEmpty(response.Headers.SetCookie))
        {
            context.AllowCacheStorage = false;
        }

        return ValueTask.CompletedTask;
    }
}

/// <summary>Evicts cached <c>/api/state</c> answers whenever the feed brings a change (at most every render interval).</summary>
public sealed class StateCacheEviction(LiveOrders live, IOutputCacheStore cache) : IHostedService, IDisposable
{
    private IDisposable? _subscription;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _subscription = live.Subscribe(LiveFilter.Everything, () => cache.EvictByTagAsync(StateCache.Tag, CancellationToken.None).AsTask());
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose() => _subscription?.Dispose();
}
