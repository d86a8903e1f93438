using System.Text.RegularExpressions;
using OrderConsole.Tests.Support;

namespace OrderConsole.Tests.Observability;

/// <summary>The live output of the app on Kestrel, judged by the real promtool and scraped by a real Prometheus.</summary>
public sealed partial class LiveScrapeTests(KestrelConsole console) : IClassFixture<KestrelConsole>
{
    /// <summary>
    /// The lint lines left, all on the runtime meter as prometheus-net's meter adapter names it: the up-down
    /// counters <c>dotnet.assembly.count</c>, <c>dotnet.process.cpu.count</c>, <c>dotnet.thread_pool.thread.count</c>,
    /// <c>dotnet.thread_pool.work_item.count</c> and <c>dotnet.timer.count</c> are gauges whose names end in
    /// <c>_count</c>. The README lists them.
    /// </summary>
    private static readonly string[] s_runtimeCountGauges =
    [
        "system_runtime_dotnet_assembly_count",
        "system_runtime_dotnet_process_cpu_count",
        "system_runtime_dotnet_thread_pool_thread_count",
        "system_runtime_dotnet_thread_pool_work_item_count",
        "system_runtime_dotnet_timer_count",
    ];

    [Fact]
    public async Task Promtool_finds_no_problem_in_any_orderconsole_family_and_only_the_listed_ones_elsewhere()
    {
        await console.DeliverAnOrderAsync();
        var scrape = await console.ScrapeAsync();

        var (exitCode, output) = await Promtool.CheckMetricsAsync(scrape);

        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(exitCode is 0 or 3, $"promtool could not parse the output (exit {exitCode}):\n{output}");
        Assert.Contains("# TYPE orderconsole_orders_transitions_total counter", scrape, StringComparison.Ordinal);
        var ours = lines.Where(line => line.StartsWith("orderconsole_", StringComparison.Ordinal)).ToList();
        Assert.True(ours.Count == 0, "promtool found problems in our families:\n" + string.Join('\n', ours));
        var unexplained = lines.Where(line => !IsListedPlatformLint(line)).ToList();
        Assert.True(unexplained.Count == 0, $"promtool (exit {exitCode}) found problems the README does not list:\n{string.Join('\n', unexplained)}");
    }

    [Fact]
    public async Task A_real_Prometheus_scrape_returns_the_delivered_transition()
    {
        await console.DeliverAnOrderAsync();
        await using var prometheus = await PrometheusServer.StartAsync(console.MetricsAddress);

        IReadOnlyList<IReadOnlyDictionary<string, string>> series = [];
        await Eventually.HoldsAsync(
            async () => (series = await prometheus.QueryAsync("orderconsole_orders_transitions_total{to=\"delivered\"}")).Count > 0,
            "Prometheus has scraped the delivered transition; target: " + await prometheus.TargetHealthAsync());

        Assert.Contains(series, labels => labels["from"] == "in_transit" && labels["job"] == "orderconsole");
    }

    private static bool IsListedPlatformLint(string line) =>
        LintLine().Match(line) is { Success: true } match
        && s_runtimeCountGauges.Contains(match.Groups["name"].Value)
        && match.Groups["problem"].Value == "non-histogram and non-summary metrics should not have \"_count\" suffix";

    [GeneratedRegex("^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*) (?<problem>.*)$")]
    private static partial Regex LintLine();
}
