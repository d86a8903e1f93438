namespace OrderConsole.Observability;

/// <summary>
/// What <c>/metrics</c> exports and to whom (configuration section <c>Metrics</c>): the platform meters exported
/// through prometheus-net's meter adapter (exact names, or a prefix ending in <c>*</c>; meters named in
/// configuration are added to the defaults), the most series one of our metrics may hold, and who may scrape.
/// The <c>OrderConsole</c> meter is always exported, by our own bridge. <c>Microsoft.AspNetCore.Hosting</c> is
/// left out because prometheus-net's HTTP middleware measures requests, and <c>Microsoft.AspNetCore.Components.Lifecycle</c>
/// because it keeps a histogram per component type for little operational use.
/// </summary>
public sealed class MetricsOptions
{
    public const string Section = "Metrics";

    /// <summary>Loopback and the private ranges (RFC 1918, IPv6 unique local): where a Prometheus next to the console scrapes from.</summary>
    public static readonly IReadOnlyList<string> DefaultAllowedNetworks = ["127.0.0.0/8", "::1/128", "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "fc00::/7"];

    public string[] Meters { get; set; } =
    [
        "System.Runtime",
        "System.Net.*",
        "Microsoft.AspNetCore.Server.Kestrel",
        "Microsoft.AspNetCore.Http.Connections",
        "Microsoft.AspNetCore.Routing",
        "Microsoft.AspNetCore.Diagnostics",
        "Microsoft.AspNetCore.RateLimiting",
        "Microsoft.AspNetCore.Components",
        "Microsoft.AspNetCore.Components.Server.Circuits",
    ];

    public int MaxSeriesPerInstrument { get; set; } = 1000;

    /// <summary>Networks (CIDR) a scrape may come from; when set, replaces <see cref="DefaultAllowedNetworks"/>.</summary>
    public string[]? AllowedNetworks { get; set; }

    /// <summary>When set, <c>/metrics</c> answers only on this local port (which the server must also listen on, e.g. <c>ASPNETCORE_HTTP_PORTS=8080;9464</c>).</summary>
    public int? Port { get; set; }

    /// <summary>True when <paramref name="meterName"/> is one of <see cref="Meters"/>.</summary>
    public bool Includes(string meterName) =>
        Meters.Any(pattern => pattern.EndsWith('*')
            ? meterName.StartsWith(pattern[..^1], StringComparison.Ordinal)
            : string.Equals(pattern, meterName, StringComparison.Ordinal));
}
