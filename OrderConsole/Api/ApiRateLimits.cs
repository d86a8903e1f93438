using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace OrderConsole.Api;

/// <summary>
/// Rate limits per client address: a fixed window per policy, sized from <c>RateLimits:{Policy}</c>. A refused call
/// gets 429 with <c>Retry-After</c> and a problem body saying when to come back.
/// </summary>
public static class ApiRateLimits
{
    public const string State = "State";

    public static IServiceCollection AddApiRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = RejectAsync;
            AddPolicy(limiter, configuration, State, defaultPermits: 100, defaultWindowSeconds: 10);
        });
        return services;
    }

    private static void AddPolicy(RateLimiterOptions limiter, IConfiguration configuration, string name, int defaultPermits, int defaultWindowSeconds)
    {
        var section = configuration.GetSection($"RateLimits:{name}");
        var permits = section.GetValue("PermitLimit", defaultPermits);
        var window = TimeSpan.FromSeconds(section.GetValue("WindowSeconds", defaultWindowSeconds));
        limiter.AddPolicy(name, context => RateLimitPartition.GetFixedWindowLimiter(
            context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = window, QueueLimit = 0 }));
    }

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
            ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))
            : 1;
        var http = rejected.HttpContext;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too many requests",
                Detail = $"this address has made too many requests; try again in {seconds} s",
            },
        });
    }
}
