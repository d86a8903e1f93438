using Microsoft.Playwright;

namespace OrderConsole.E2E.Infrastructure;

/// <summary>
/// The whole deploy topology started by <c>deploy/local-cluster.sh start</c> (redis-server, app1 and app2 from
/// this build's output, haproxy and prometheus with the repository's deploy files) in a run directory of its
/// own, stopped with <c>deploy/local-cluster.sh stop</c>; plus one browser.
/// </summary>
public sealed class LocalClusterFixture : IAsyncLifetime
{
    private static readonly TimeSpan s_scriptTimeout = TimeSpan.FromSeconds(180);

    private readonly string _runDirectory = Path.Combine(Path.GetTempPath(), "oc-cluster-" + Guid.NewGuid().ToString("N")[..8]);
    private IPlaywright? _playwright;
    private IReadOnlyDictionary<string, string> _settings = new Dictionary<string, string>();

    /// <summary>HAProxy: where users open the console.</summary>
    public Uri Console => Setting("CONSOLE_URL");

    public Uri App1 => Setting("APP1_URL");

    public Uri App2 => Setting("APP2_URL");

    public Uri Prometheus => Setting("PROMETHEUS_URL");

    public IBrowser Browser { get; private set; } = default!;

    /// <summary>What <c>start</c> printed, for failure messages.</summary>
    public string StartOutput { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        var started = await RunScriptAsync("start");
        StartOutput = started.Output;
        if (started.ExitCode != 0)
        {
            // The script stops whatever it started when start fails.
            throw new InvalidOperationException("deploy/local-cluster.sh start failed:\n" + started.Output);
        }

        _settings = File.ReadAllLines(Path.Combine(_runDirectory, "cluster.env"))
            .Select(line => line.Split('=', 2))
            .Where(parts => parts.Length == 2)
            .ToDictionary(parts => parts[0], parts => parts[1], StringComparer.Ordinal);

        try
        {
            _playwright = await Playwright.CreateAsync();
            Browser = await Chromium.LaunchAsync(_playwright);
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    /// <summary>Opens <paramref name="path"/> through HAProxy in a new page and waits until the circuit is interactive.</summary>
    public Task<IPage> OpenAsync(IBrowserContext context, string path) => ConsoleFixture.OpenAsync(context, Console, path);

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await RunScriptAsync("stop");
    }

    private Task<ToolResult> RunScriptAsync(string command) =>
        Tool.RunAsync("bash", [Tool.InRepository("deploy/local-cluster.sh"), command], new Dictionary<string, string>
        {
            ["OC_CLUSTER_DIR"] = _runDirectory,
            ["OC_APP_DLL"] = Tool.ConsoleAssembly,
        }, s_scriptTimeout);

    private Uri Setting(string name) =>
        _settings.TryGetValue(name, out var value) ? new Uri(value) : throw new InvalidOperationException($"the cluster did not report {name}:\n{StartOutput}");
}

/// <summary>Tests that share one local cluster.</summary>
[CollectionDefinition(Name)]
public sealed class LocalClusterCollection : ICollectionFixture<LocalClusterFixture>
{
    public const string Name = "local-cluster";
}
