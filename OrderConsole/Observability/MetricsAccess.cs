using System.Net;
using Microsoft.Extensions.Options;

namespace OrderConsole.Observability;

/// <summary>
/// Who may read <c>/metrics</c>: with <c>Metrics:Port</c> set, only requests that arrived on that local port
/// (elsewhere the endpoint does not exist: 404); and only callers from <c>Metrics:AllowedNetworks</c> (else 403
/// with problem details). A request without a client address (in-process host, Unix socket) came over no network.
/// </summary>
public sealed class MetricsAccess(RequestDelegate next, IOptions<MetricsOptions> options)
{
    private readonly IPNetwork[] _allowed = [.. (options.Value.AllowedNetworks ?? MetricsOptions.DefaultAllowedNetworks).Select(Parse)];
    private readonly int? _port = options.Value.Port;

    public async Task InvokeAsync(HttpContext context)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<MonitoringOnly>() is null)
        {
            await next(context);
            return;
        }

        if (_port is { } port && context.Connection.LocalPort != port)
        {
            await TypedResults.Problem(
                $"{context.Request.Path} is served on the monitoring port only.", statusCode: StatusCodes.Status404NotFound, title: "Not found")
                .ExecuteAsync(context);
            return;
        }

        if (context.Connection.RemoteIpAddress is { } address && !IsAllowed(address))
        {
            await TypedResults.Problem(
                $"{context.Request.Path} is served only to the monitoring networks set in Metrics:AllowedNetworks; {Unmapped(address)} is not in them.",
                statusCode: StatusCodes.Status403Forbidden,
                title: "Not a monitoring network")
                .ExecuteAsync(context);
            return;
        }

        await next(context);
    }

    public bool IsAllowed(IPAddress address)
    {
        var unmapped = Unmapped(address);
        return _allowed.Any(network => network.Contains(unmapped));
    }

    private static IPAddress Unmapped(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;

    private static IPNetwork Parse(string network) =>
        IPNetwork.TryParse(network.Trim(), out var parsed)
            ? parsed
            : throw new OptionsValidationException(MetricsOptions.Section, typeof(MetricsOptions),
                [$"Metrics:AllowedNetworks has \"{network}\", which is not a network in CIDR form such as 10.0.0.0/8 or fc00::/7."]);

    /// <summary>Endpoint metadata: the endpoint answers only as <see cref="MetricsAccess"/> allows.</summary>
    public sealed class MonitoringOnly;
}
