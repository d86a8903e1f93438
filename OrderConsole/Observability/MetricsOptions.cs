namespace OrderConsole.Observability;

/// <summary>
/// What <c>/metrics</c> exposes (configuration section <c>Metrics</c>): the meters listened to (exact names,
/// or a prefix ending in <c>*</c>), the most series one instrument may hold, and the histogram buckets used
/// when an instrument gives no advice (the Prometheus client default, in seconds). Meters named in
/// configuration are added to the defaults. <c>Microsoft.AspNetCore.Components.Lifecycle</c> is left out by
/// default: it keeps a histogram per component type, most of a scrape, for little operational use.
/// </summary>
public sealed class MetricsOptions
{
    public string[] Meters { get; set; } =
    [
        "OrderConsole",
        "System.Runtime",
        "System.Net.*",
        "Microsoft.AspNetCore.Hosting",
        "Microsoft.AspNetCore.Server.Kestrel",
        "Microsoft.AspNetCore.Http.Connections",
        "Microsoft.AspNetCore.Routing",
        "Microsoft.AspNetCore.Diagnostics",
        "Microsoft.AspNetCore.RateLimiting",
        "Microsoft.AspNetCore.Components",
        "Microsoft.AspNetCore.Components.Server.Circuits",
    ];

    public int MaxSeriesPerInstrument { get; set; } = 1000;

    public double[] DefaultBuckets { get; set; } = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    /// <summary>True when <paramref name="meterName"/> is one of <see cref="Meters"/>.</summary>
    public bool Includes(string meterName) =>
        Meters.Any(pattern => pattern.EndsWith('*')
            ? meterName.StartsWith(pattern[..^1], StringComparison.Ordinal)
            : string.Equals(pattern, meterName, StringComparison.Ordinal));
}
