using System.Net;
using System.Text.Json;
using Microsoft.Playwright;
using OrderConsole.E2E.Infrastructure;

namespace OrderConsole.E2E.Deploy;

/// <summary>
/// Every query of the Grafana dashboard refers only to metric names the running console really exposes, read
/// from the live <c>/metrics</c> of both cluster instances after an order went from creation to delivery
/// through HAProxy, with console pages (circuits) still open; and each of them returns a number from the
/// cluster's Prometheus scraping both instances.
/// </summary>
[Collection(LocalClusterCollection.Name)]
public sealed class GrafanaDashboardMetricsTests(LocalClusterFixture cluster)
{
    [Fact]
    public async Task Every_dashboard_query_names_only_metrics_the_running_app_exposes()
    {
        using var http = new HttpClient();
        using (var probe = await http.GetAsync(new Uri(cluster.App1, "/metrics")))
        {
            Assert.True(probe.StatusCode == HttpStatusCode.OK,
                $"GET /metrics answered {(int)probe.StatusCode}: the console does not expose /metrics yet, so the dashboard cannot be checked against it");
        }

        await using var staff = await GiveEveryPanelSomethingToShowAsync();

        var exposed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var instance in new[] { cluster.App1, cluster.App2 })
        {
            exposed.UnionWith(PromQl.ExposedNames(await http.GetStringAsync(new Uri(instance, "/metrics"))));
        }

        var missing = DashboardQueries()
            .SelectMany(query => PromQl.MetricNames(query.Query).Where(name => !exposed.Contains(name)).Select(name => $"{query.Panel}: {name}"))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        Assert.True(missing.Count == 0, "the dashboard queries metrics the app does not expose:\n" + string.Join('\n', missing));
    }

    [Fact]
    public async Task Every_dashboard_query_returns_data_from_the_clusters_Prometheus_after_a_delivery()
    {
        using var http = new HttpClient();
        await using var staff = await GiveEveryPanelSomethingToShowAsync();

        // Prometheus scrapes every 5 s and a rate needs two scrapes after the change: wait, bounded, for all of them.
        var empty = new List<string>();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        do
        {
            empty.Clear();
            foreach (var (panel, query) in DashboardQueries())
            {
                if (!await ReturnsDataAsync(http, AsPrometheusQuery(query)))
                {
                    empty.Add($"{panel}: {query}");
                }
            }

            if (empty.Count > 0)
            {
                await Task.Delay(TimeSpan.FromSeconds(2));
            }
        }
        while (empty.Count > 0 && DateTime.UtcNow < deadline);

        Assert.True(empty.Count == 0, "these dashboard queries return no number from the cluster's Prometheus:\n" + string.Join('\n', empty));
    }

    [Fact]
    public async Task Promtool_finds_no_problem_in_any_orderconsole_family_on_either_instance_and_only_the_listed_runtime_gauges_elsewhere()
    {
        using var http = new HttpClient();
        await using var staff = await GiveEveryPanelSomethingToShowAsync();

        foreach (var instance in new[] { cluster.App1, cluster.App2 })
        {
            var scrape = await http.GetStringAsync(new Uri(instance, "/metrics"));
            var file = Path.GetTempFileName();
            try
            {
                await File.WriteAllTextAsync(file, scrape);
                var result = await Tool.RunAsync("bash", ["-c", "promtool check metrics < \"$0\"", file]);

                Assert.True(result.ExitCode is 0 or 3, $"promtool could not parse {instance}metrics (exit {result.ExitCode}):\n{result.Output}");
                Assert.Contains("# TYPE orderconsole_redis_command_duration_seconds histogram", scrape, StringComparison.Ordinal);
                var unexpected = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    .Where(line => !(line.StartsWith("system_runtime_dotnet_", StringComparison.Ordinal)
                                     && line.EndsWith("non-histogram and non-summary metrics should not have \"_count\" suffix", StringComparison.Ordinal)))
                    .ToList();
                Assert.True(unexpected.Count == 0, $"promtool on {instance}metrics:\n" + string.Join('\n', unexpected));
            }
            finally
            {
                File.Delete(file);
            }
        }
    }

    [Fact]
    public void The_query_reader_finds_metric_names_but_not_functions_labels_durations_or_variables()
    {
        Assert.Equal(["a_seconds_bucket"], PromQl.MetricNames(
            "histogram_quantile(0.99, sum by (instance, http_route, le) (rate(a_seconds_bucket{instance=~\"$instance\", x=\"y(z)\"}[$__rate_interval])))"));
        Assert.Equal(["b_total", "c"], PromQl.MetricNames("60 * sum without (to) (rate(b_total[5m])) / on (instance) group_left c").Order(StringComparer.Ordinal));
        Assert.Equal(["d"], PromQl.MetricNames("label_values(d, instance)"));
        Assert.Equal(["e_bucket", "e_count", "e_sum", "f"], PromQl.ExposedNames(
            "# HELP e x\n# TYPE e histogram\ne_bucket{le=\"+Inf\"} 1\ne_sum 2\ne_count 1\n# TYPE f gauge\nf{a=\"b c\"} 3\n").Order(StringComparer.Ordinal));
    }

    /// <summary>A full lifecycle on one instance through HAProxy; the console pages (circuits) stay open until the returned context is disposed.</summary>
    private async Task<IBrowserContext> GiveEveryPanelSomethingToShowAsync()
    {
        var staff = await cluster.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1400, Height = 900 } });
        await ConsoleSignIn.AsAsync(staff, cluster.Console, "admin");
        var supplier = await cluster.OpenAsync(staff, "/supplier");
        var customer = await cluster.OpenAsync(staff, "/customer");
        var dispatch = await cluster.OpenAsync(staff, "/dispatch");
        var watcher = await cluster.OpenAsync(staff, "/orders");
        var item = "Dashboard Pizza " + Guid.NewGuid().ToString("N")[..8];
        await OrderLifecycleTests.WalkTheLifecycleAsync(
            item, supplier, customer, dispatch, watcher, page => page.GetByRole(AriaRole.Row).Filter(new() { HasText = item }));
        return staff;
    }

    /// <summary>True when the instant query gives at least one series with a number (not NaN, as a quantile of no rate is).</summary>
    private async Task<bool> ReturnsDataAsync(HttpClient http, string promql)
    {
        using var answer = JsonDocument.Parse(await http.GetStringAsync(new Uri(cluster.Prometheus, "/api/v1/query?query=" + Uri.EscapeDataString(promql))));
        return answer.RootElement.GetProperty("data").GetProperty("result").EnumerateArray()
            .Any(series => double.TryParse(series.GetProperty("value")[1].GetString(), System.Globalization.CultureInfo.InvariantCulture, out var value) && double.IsFinite(value));
    }

    /// <summary>A dashboard query as Prometheus takes it: every instance, a one-minute rate window, a variable's metric on its own.</summary>
    private static string AsPrometheusQuery(string query)
    {
        var labelValues = System.Text.RegularExpressions.Regex.Match(query, @"^\s*label_values\(\s*(?<metric>[a-zA-Z_:][a-zA-Z0-9_:]*)");
        return labelValues.Success
            ? labelValues.Groups["metric"].Value
            : query.Replace("$instance", ".*", StringComparison.Ordinal).Replace("$__rate_interval", "1m", StringComparison.Ordinal);
    }

    private static List<(string Panel, string Query)> DashboardQueries()
    {
        using var dashboard = JsonDocument.Parse(File.ReadAllText(Tool.InRepository("deploy/grafana/dashboards/orderconsole.json")));
        var queries = new List<(string Panel, string Query)>();
        foreach (var panel in dashboard.RootElement.GetProperty("panels").EnumerateArray())
        {
            queries.AddRange(panel.GetProperty("targets").EnumerateArray()
                .Select(target => (panel.GetProperty("title").GetString()!, target.GetProperty("expr").GetString()!)));
        }

        foreach (var variable in dashboard.RootElement.GetProperty("templating").GetProperty("list").EnumerateArray())
        {
            var query = variable.GetProperty("query");
            queries.Add(("variable " + variable.GetProperty("name").GetString(),
                query.ValueKind == JsonValueKind.String ? query.GetString()! : query.GetProperty("query").GetString()!));
        }

        return queries;
    }
}
