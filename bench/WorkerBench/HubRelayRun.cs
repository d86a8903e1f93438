using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OrderConsole.Core.Workers;
using OrderConsole.Hubs;
using OrderConsole.Hubs.Relay;

/// <summary>
/// The hub relay as the console wires it (<see cref="HubServices.AddOrdersHub"/>): on Redis through the SignalR
/// backplane, each send marked and published in one script; on the embedded store to the in-process hub. No browser
/// is connected, so the figure is the relay's own cost per event: its rooms' sends, not their delivery.
/// </summary>
internal static class HubRelayRun
{
    public static (HubRelayWorker Worker, ServiceProvider Services) Create(string? redisConnection, string keyPrefix)
    {
        var settings = new Dictionary<string, string?> { ["Redis:KeyPrefix"] = keyPrefix };
        if (redisConnection is not null)
        {
            settings["Redis:ConnectionString"] = redisConnection;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging().AddOrdersHub(configuration).BuildServiceProvider();
        return ((HubRelayWorker)services.GetServices<IFeedWorker>().Single(worker => worker is HubRelayWorker), services);
    }
}
