using OrderConsole.E2E.Infrastructure;
using OrderConsole.Tests.Infrastructure;
using OrderConsole.Tests.Support;
using OrderConsole.Core.Storage.Redis;

namespace OrderConsole.Tests.Hubs;

/// <summary>
/// Console processes sharing one real redis-server, each named (its instance and its feed-worker consumer name) so
/// the test can see what each relays, and each killable with SIGKILL. Entries a dead consumer left pending are
/// claimed after two seconds (instead of a minute), so a takeover fits in a test.
/// </summary>
public sealed class HubCluster : IAsyncLifetime
{
    private readonly Dictionary<string, ConsoleProcess> _instances = new(StringComparer.Ordinal);
    private const string Events = "oc:events";
    private const string RelayGroup = "hub-relay";
    private RedisStoreConnection? _admin;

    public RedisServerFixture Redis { get; } = new();

    public async Task InitializeAsync()
    {
        await Redis.InitializeAsync();
        _admin = await Redis.ConnectAdminAsync();
    }

    public Uri this[string name] => _instances[name].Address;

    /// <summary>Starts instance <paramref name="name"/> and waits until it answers.</summary>
    public async Task<Uri> StartAsync(string name, bool relays = true)
    {
        var instance = await ConsoleProcess.StartAsync(new Dictionary<string, string>
        {
            ["Redis__ConnectionString"] = Redis.ConnectionString,
            ["InstanceName"] = name,
            ["RateLimits__SignIn__PermitLimit"] = "1000",
            ["Workers__Enabled"] = relays ? "true" : "false",
            ["Workers__ConsumerName"] = name,
            ["Workers__ClaimIdleTimeout"] = "00:00:02",
            ["Workers__ClaimInterval"] = "00:00:01",
        });
        _instances[name] = instance;
        return instance.Address;
    }

    /// <summary>Kills <paramref name="name"/> at once, as a crash would (SIGKILL, no shutdown).</summary>
    public Task KillAsync(string name) => _instances[name].KillAsync();

    /// <summary>Waits until <paramref name="name"/> reads the feed through the relay's consumer group.</summary>
    public Task WaitUntilRelayingAsync(string name) => Eventually.HoldsAsync(
        async () => (await _admin!.Database.StreamConsumerInfoAsync(Events, RelayGroup)).Any(consumer => consumer.Name == name),
        $"{name} relays");

    /// <summary>How many feed entries the relay handed <paramref name="name"/> that it has not acknowledged.</summary>
    public async Task<long> PendingOnAsync(string name) =>
        (await _admin!.Database.StreamPendingAsync(Events, RelayGroup)).Consumers.FirstOrDefault(consumer => consumer.Name == name).PendingMessageCount;

    public string Output(string name) => _instances[name].Output;

    public async Task DisposeAsync()
    {
        foreach (var instance in _instances.Values)
        {
            await instance.DisposeAsync();
        }

        if (_admin is not null)
        {
            await _admin.DisposeAsync();
        }

        await Redis.DisposeAsync();
    }
}
