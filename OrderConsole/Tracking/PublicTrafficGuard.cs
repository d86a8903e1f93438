using System.Collections.Concurrent;
using System.Globalization;
using System.Threading.RateLimiting;
using OrderConsole.Hosting;

namespace OrderConsole.Tracking;

/// <summary>
/// What keeps the public tracking endpoints from being walked or swamped, on top of the per-client request limit:
/// a look-up that finds nothing (404) or is malformed (400) also draws <c>RateLimits:Public:FailureCost</c> permits
/// (default 5; 0 turns this off) from a second per-client budget of the same size and window, so guessing runs dry several times
/// sooner than following a real order; and one client address may hold at most
/// <c>RateLimits:PublicStreams:PerClient</c> (default 10) tracking streams open at once.
/// </summary>
public sealed class PublicTrafficGuard : IDisposable
{
    private readonly PartitionedRateLimiter<string> _failures;
    private readonly ConcurrentDictionary<string, int> _openStreams = new(StringComparer.Ordinal);

    public PublicTrafficGuard(IConfiguration configuration)
    {
        var budget = ClientRateLimit.From(configuration.GetSection("RateLimits:Public"), ConsoleRateLimits.PublicDefaults).ToWindow();
        FailureCost = Math.Clamp(configuration.GetValue("RateLimits:Public:FailureCost", 5), 0, budget.PermitLimit);
        StreamsPerClient = configuration.GetValue("RateLimits:PublicStreams:PerClient", 10);
        if (StreamsPerClient < 1)
        {
            throw new InvalidOperationException($"RateLimits:PublicStreams:PerClient must be at least 1; it says {StreamsPerClient}");
        }

        _failures = PartitionedRateLimiter.Create<string, string>(client => RateLimitPartition.GetFixedWindowLimiter(client, _ => budget));
    }

    /// <summary>Permits a failed look-up draws from the failure budget.</summary>
    public int FailureCost { get; }

    /// <summary>Tracking streams one client address may hold open at once.</summary>
    public int StreamsPerClient { get; }

    public void Dispose() => _failures.Dispose();

    /// <summary>The middleware: refuses clients whose failures ran their budget dry, counts new failures, caps open streams.</summary>
    public async Task GuardAsync(HttpContext context, RequestDelegate next)
    {
        var client = ClientAddress.Of(context);
        using (var probe = _failures.AttemptAcquire(client, 0))
        {
            if (!probe.IsAcquired)
            {
                await RefuseAsync(context, probe, "Too many look-ups of unknown tracking codes from this address");
                return;
            }
        }

        // Charged as the answer starts, not after it is sent: a client reading the 404 must not get its next look-up in first.
        if (FailureCost > 0)
        {
            context.Response.OnStarting(() =>
            {
                CountFailure(context.Response.StatusCode, client);
                return Task.CompletedTask;
            });
        }

        if (IsStream(context.Request.Path))
        {
            await FollowAsync(context, next, client);
            return;
        }

        await next(context);
    }

    private void CountFailure(int status, string client)
    {
        if (status is StatusCodes.Status404NotFound or StatusCodes.Status400BadRequest)
        {
            var left = (int)(_failures.GetStatistics(client)?.CurrentAvailablePermits ?? 0);
            using var drawn = _failures.AttemptAcquire(client, Math.Min(FailureCost, left));
        }
    }

    private async Task FollowAsync(HttpContext context, RequestDelegate next, string client)
    {
        var open = _openStreams.AddOrUpdate(client, 1, (_, count) => count + 1);
        try
        {
            if (open > StreamsPerClient)
            {
                await RefuseAsync(context, lease: null, $"This address has {StreamsPerClient} tracking streams open already; close one");
                return;
            }

            await next(context);
        }
        finally
        {
            if (_openStreams.AddOrUpdate(client, 0, (_, count) => count - 1) <= 0)
            {
                _openStreams.TryRemove(new KeyValuePair<string, int>(client, 0));
            }
        }
    }

    private static bool IsStream(PathString path) =>
        path.StartsWithSegments("/track", StringComparison.OrdinalIgnoreCase) && path.Value!.EndsWith("/events", StringComparison.OrdinalIgnoreCase);

    private static async Task RefuseAsync(HttpContext context, RateLimitLease? lease, string words)
    {
        var seconds = lease is not null && lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
            ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))
            : 5;
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await TypedResults.Problem($"{words}; try again in {seconds} s.", statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests")
            .ExecuteAsync(context);
    }
}
