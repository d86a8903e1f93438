using System.Threading.RateLimiting;

namespace OrderConsole.Hosting;

/// <summary>How many requests one client address may make per window under one rate-limit policy.</summary>
public sealed record ClientRateLimit(int PermitLimit, int WindowSeconds)
{
    /// <summary>The limit configured in <paramref name="section"/> (<c>PermitLimit</c>, <c>WindowSeconds</c>), else <paramref name="defaults"/>.</summary>
    public static ClientRateLimit From(IConfigurationSection section, ClientRateLimit defaults)
    {
        var limit = new ClientRateLimit(
            section.GetValue(nameof(PermitLimit), defaults.PermitLimit),
            section.GetValue(nameof(WindowSeconds), defaults.WindowSeconds));
        if (limit.PermitLimit < 1 || limit.WindowSeconds < 1)
        {
            throw new InvalidOperationException(
                $"{section.Path} must allow at least 1 request per at least 1 second; it says {limit.PermitLimit} per {limit.WindowSeconds} s");
        }

        return limit;
    }

    /// <summary>A fixed window that refuses at once, without queueing, once the permits are used.</summary>
    public FixedWindowRateLimiterOptions ToWindow() => new()
    {
        PermitLimit = PermitLimit,
        Window = TimeSpan.FromSeconds(WindowSeconds),
        QueueLimit = 0,
        AutoReplenishment = true,
    };
}
