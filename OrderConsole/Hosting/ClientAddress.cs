using System.Net;

namespace OrderConsole.Hosting;

/// <summary>The caller's address as every per-client limit keys it; requests without one (e.g. over a Unix socket) share one key.</summary>
public static class ClientAddress
{
    public static string Of(HttpContext context) => context.Connection.RemoteIpAddress switch
    {
        null => "unknown",
        { IsIPv4MappedToIPv6: true } mapped => mapped.MapToIPv4().ToString(),
        IPAddress address => address.ToString(),
    };
}
