using Microsoft.AspNetCore.Identity;
using OrderConsole.Accounts;
using OrderConsole.Api;
using OrderConsole.Core.Events;
using OrderConsole.Core.Storage.Redis;
using OrderConsole.Hubs.Relay;
using StackExchange.Redis;

namespace OrderConsole.Hubs;

/// <summary>
/// The orders hub: SignalR with the wire JSON, the Redis backplane when the store is Redis (the embedded store is one
/// instance and needs none), and the relay (a feed worker) that puts feed events into the rooms.
/// </summary>
public static class HubServices
{
    public static IServiceCollection AddOrdersHub(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection("Hub").Get<HubOptions>() ?? new HubOptions();
        services.AddSingleton(options);
        services.AddSingleton<RoomAccess>();
        services.AddSingleton<PositionReports>();
        services.AddSingleton<OrderRelay>();
        services.AddSingleton<OrderConsole.Core.Workers.IFeedWorker, HubRelayWorker>();
        var signalR = services.AddSignalR().AddJsonProtocol(json => WireJson.Configure(json.PayloadSerializerOptions));

        var redis = configuration["Redis:ConnectionString"];
        if (!string.IsNullOrWhiteSpace(redis))
        {
            var keyPrefix = (configuration.GetSection("Redis").Get<RedisStoreOptions>() ?? new RedisStoreOptions()).KeyPrefix;
            signalR.AddStackExchangeRedis(backplane =>
            {
                // Channels under the store's prefix, so consoles sharing one Redis hear only their own hub.
                backplane.Configuration = RedisStoreConnection.Configure(redis);
                backplane.Configuration.ChannelPrefix = RedisChannel.Literal(keyPrefix + "hub:");
                backplane.ConnectionFactory = async log => MarkedPublishing.Wrap(
                    await ConnectionMultiplexer.ConnectAsync(backplane.Configuration, log),
                    backplane.Configuration.ChannelPrefix.ToString() ?? string.Empty,
                    RelayKeys.SentMarks(keyPrefix),
                    options.SentMarkLifetime);
            });
        }

        // Browsers cannot set headers on a WebSocket: the JavaScript client sends its token as access_token there.
        services.Configure<Microsoft.AspNetCore.Authentication.BearerToken.BearerTokenOptions>(IdentityConstants.BearerScheme, bearer =>
        {
            var earlier = bearer.Events.OnMessageReceived;
            bearer.Events.OnMessageReceived = async context =>
            {
                await earlier(context);
                if (context.Token is null && context.HttpContext.Request.Path.StartsWithSegments(OrdersHub.Path)
                    && context.Request.Query["access_token"] is [{ Length: > 0 } token])
                {
                    context.Token = token;
                }
            };
        });
        return services;
    }

    public static IEndpointRouteBuilder MapOrdersHub(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHub<OrdersHub>(OrdersHub.Path)
            .RequireStaff(ConsoleRoles.Supplier, ConsoleRoles.Customer, ConsoleRoles.Dispatcher, ConsoleRoles.Driver);
        return endpoints;
    }
}
