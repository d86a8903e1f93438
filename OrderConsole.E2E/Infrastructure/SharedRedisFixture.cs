using Microsoft.Playwright;
using OrderConsole.Tests.Infrastructure;

namespace OrderConsole.E2E.Infrastructure;

/// <summary>
/// One real redis-server and two console processes on it (instances "console-a" and "console-b", both with
/// demo data on, started together so they race for the seeding), plus one browser.
/// </summary>
public sealed class SharedRedisFixture : IAsyncLifetime
{
    private readonly RedisServerFixture _redis = new();
    private IPlaywright? _playwright;

    private ConsoleProcess? _instanceA;
    private ConsoleProcess? _instanceB;

    public ConsoleProcess InstanceA => _instanceA ?? throw new InvalidOperationException("console-a has not started");

    public ConsoleProcess InstanceB => _instanceB ?? throw new InvalidOperationException("console-b has not started");

    public IBrowser Browser { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        try
        {
            await StartAsync();
        }
        catch
        {
            // xUnit does not dispose a fixture whose start failed; whatever did start must not outlive it.
            await DisposeAsync();
            throw;
        }
    }

    /// <summary>Opens <paramref name="path"/> of <paramref name="instance"/> in a new page and waits until the circuit is interactive.</summary>
    public static Task<IPage> OpenAsync(IBrowserContext context, ConsoleProcess instance, string path) =>
        ConsoleFixture.OpenAsync(context, instance.Address, path);

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_instanceA is not null)
        {
            await _instanceA.DisposeAsync();
        }

        if (_instanceB is not null)
        {
            await _instanceB.DisposeAsync();
        }

        await _redis.DisposeAsync();
    }

    private async Task StartAsync()
    {
        await _redis.InitializeAsync();
        var a = StartInstanceAsync("console-a");
        var b = StartInstanceAsync("console-b");
        try
        {
            await Task.WhenAll(a, b);
        }
        finally
        {
            _instanceA = a.IsCompletedSuccessfully ? a.Result : null;
            _instanceB = b.IsCompletedSuccessfully ? b.Result : null;
        }

        _playwright = await Playwright.CreateAsync();
        Browser = await Chromium.LaunchAsync(_playwright);
    }

    private Task<ConsoleProcess> StartInstanceAsync(string name) =>
        ConsoleProcess.StartAsync(new Dictionary<string, string>
        {
            ["Redis__ConnectionString"] = _redis.ConnectionString,
            ["Demo__Enabled"] = "true",
            ["InstanceName"] = name,
        });
}

/// <summary>Tests that share the two consoles on one Redis.</summary>
[CollectionDefinition(Name)]
public sealed class SharedRedisCollection : ICollectionFixture<SharedRedisFixture>
{
    public const string Name = "two-consoles-one-redis";
}
