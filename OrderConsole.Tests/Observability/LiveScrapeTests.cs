using System.Text.RegularExpressions;
using OrderConsole.Tests.Support;

namespace OrderConsole.Tests.Observability;

/// <summary>The live output of the app on Kestrel, judged by the real promtool and scraped by a real Prometheus.</summary>
public sealed partial class LiveScrapeTests(KestrelConsole console) : IClassFixture<KestrelConsole>
{
    /// <summary>
    /// The one lint rule exempted: the .NET runtime's own up-down counters <c>dotnet.assembly.count</c>,
    /// <c>dotnet.process.cpu.count</c> and <c>dotnet.timer.count</c> are gauges whose OpenTelemetry names end in
    /// <c>_count</c>. Renaming them would break dashboards built for the standard exporter, so they stay.
    /// </summary>
    private static readonly string[] s_exemptGauges = ["dotnet_assembly_count", "dotnet_process_cpu_count", "dotnet_timer_count"];

    [Fact]
    public async Task The_live_output_passes_promtool_check_metrics()
    {
        await console.DeliverAnOrderAsync();
        var scrape = await console.ScrapeAsync();

        var (exitCode, output) = await Promtool.CheckMetricsAsync(scrape);

        var problems = output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Where(line => !IsExempt(line))
            .ToList();
        Assert.True(problems.Count == 0, $"promtool (exit {exitCode}) found:\n{string.Join('\n', problems)}");
        Assert.True(exitCode is 0 or 3, $"promtool could not parse the output (exit {exitCode}):\n{output}");
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

    private static bool IsExempt(string line) =>
        LintLine().Match(line) is { Success: true } match
        && s_exemptGauges.Contains(match.Groups["name"].Value)
        && match.Groups["problem"].Value.Contains("should not have \"_count\" suffix", StringComparison.Ordinal);

    [GeneratedRegex("^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*) (?<problem>.*)$")]
    private static partial Regex LintLine();
}
