using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace OrderConsole.Hosting;

/// <summary>
/// Request limits per client address: one named policy per kind of caller, each configured by its own section of
/// <c>RateLimits</c>. A refused request answers 429 with <c>Retry-After</c> and problem details.
/// </summary>
public static class ConsoleRateLimits
{
    /// <summary>The public tracking API, page and stream; configured by <c>RateLimits:Public</c>.</summary>
    public const string Public = "public";

    /// <summary>The staff state endpoint; configured by <c>RateLimits:State</c>.</summary>
    public const string State = "state";

    /// <summary>Real customers reload and reconnect now and then; a script polling in a loop does not get far.</summary>
    public static readonly ClientRateLimit PublicDefaults = new(PermitLimit: 60, WindowSeconds: 10);

    /// <summary>The state answer is cached for seconds, so a dashboard needs few calls.</summary>
    public static readonly ClientRateLimit StateDefaults = new(PermitLimit: 30, WindowSeconds: 10);

    public static IServiceCollection AddConsoleRateLimits(this IServiceCollection services)
    {
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = (rejected, _) => RejectAsync(rejected);
        });
        services.AddClientRateLimit(Public, "RateLimits:Public", PublicDefaults);
        services.AddClientRateLimit(State, "RateLimits:State", StateDefaults);
        return services;
    }

    /// <summary>
    /// Adds the policy <paramref name="policy"/>: each client address may make <c>PermitLimit</c> requests per
    /// <c>WindowSeconds</c>, as configured in <paramref name="section"/> or else <paramref name="defaults"/>.
    /// Endpoints opt in with <c>RequireRateLimiting(policy)</c>.
    /// </summary>
    public static IServiceCollection AddClientRateLimit(this IServiceCollection services, string policy, string section, ClientRateLimit defaults)
    {
        // Read when the limiter is built rather than now, so every configuration source (tests' too) has been added.
        services.AddOptions<RateLimiterOptions>().Configure<IConfiguration>((options, configuration) =>
        {
            var window = ClientRateLimit.From(configuration.GetSection(section), defaults).ToWindow();
            options.AddPolicy(policy, context => RateLimitPartition.GetFixedWindowLimiter(ClientAddress.Of(context), _ => window));
        });
        return services;
    }

    private static async ValueTask RejectAsync(OnRejectedContext rejected)
    {
        var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
            ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))
            : (int?)null;
        if (seconds is { } wait)
        {
            rejected.HttpContext.Response.Headers.RetryAfter = wait.ToString(CultureInfo.InvariantCulture);
        }

        var detail = seconds is { } after
            ? $"Too many requests from this address; try again in {after} s."
            : "Too many requests from this address; try again shortly.";
        await TypedResults.Problem(detail, statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests")
            .ExecuteAsync(rejected.HttpContext);
    }
}
