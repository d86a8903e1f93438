using OrderConsole.E2E.Infrastructure;
using OrderConsole.Hubs.Relay;
using OrderConsole.Tests.Infrastructure;
using OrderConsole.Tests.Support;
using OrderConsole.Core.Storage.Redis;

namespace OrderConsole.Tests.Hubs;

/// <summary>
/// Console processes sharing one real redis-server, each named (<c>InstanceName</c>) so the test can tell which one
/// holds the relay's lease, and each killable with SIGKILL.
/// </summary>
public sealed class HubCluster : IAsyncLifetime
{
    private readonly Dictionary<string, ConsoleProcess> _instances = new(StringComparer.Ordinal);
    private RedisStoreConnection? _admin;

    public RedisServerFixture Redis { get; } = new();

    public async Task InitializeAsync()
    {
        await Redis.InitializeAsync();
        _admin = await Redis.ConnectAdminAsync();
    }

    public Uri this[string name] => _instances[name].Address;

    /// <summary>Starts instance <paramref name="name"/> and waits until it answers.</summary>
    public async Task<Uri> StartAsync(string name)
    {
        var instance = await ConsoleProcess.StartAsync(new Dictionary<string, string>
        {
            ["Redis__ConnectionString"] = Redis.ConnectionString,
            ["InstanceName"] = name,
            ["RateLimits__SignIn__PermitLimit"] = "1000",
        });
        _instances[name] = instance;
        return instance.Address;
    }

    /// <summary>Kills <paramref name="name"/> at once, as a crash would (SIGKILL, no shutdown).</summary>
    public Task KillAsync(string name) => _instances[name].KillAsync();

    /// <summary>Which instance relays now: the name its lease holds, without the suffix each run adds.</summary>
    public async Task<string?> RelayingInstanceAsync()
    {
        var holder = await _admin!.Database.StringGetAsync(RelayKeys.Lease("oc:"));
        return holder.IsNull ? null : holder.ToString()[..holder.ToString().LastIndexOf('-')];
    }

    public async Task WaitUntilRelayingAsync(string name) =>
        await Eventually.HoldsAsync(async () => await RelayingInstanceAsync() == name, $"{name} relays");

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
