using System.Net;
using System.Text.Json;
using Microsoft.Playwright;
using OrderConsole.E2E.Infrastructure;

namespace OrderConsole.E2E.Deploy;

/// <summary>
/// Every query of the Grafana dashboard refers only to metric names the running console really exposes, read
/// from the live <c>/metrics</c> of both cluster instances after an order went from creation to delivery
/// through HAProxy, with console pages (circuits) still open.
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

        // Give every panel something to show: a full lifecycle on one instance, pages left open.
        await using var staff = await cluster.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1400, Height = 900 } });
        await ConsoleSignIn.AsAsync(staff, cluster.Console, "admin");
        var supplier = await cluster.OpenAsync(staff, "/supplier");
        var customer = await cluster.OpenAsync(staff, "/customer");
        var dispatch = await cluster.OpenAsync(staff, "/dispatch");
        var watcher = await cluster.OpenAsync(staff, "/orders");
        var item = "Dashboard Pizza " + Guid.NewGuid().ToString("N")[..8];
        await OrderLifecycleTests.WalkTheLifecycleAsync(
            item, supplier, customer, dispatch, watcher, page => page.GetByRole(AriaRole.Row).Filter(new() { HasText = item }));

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
    public void The_query_reader_finds_metric_names_but_not_functions_labels_durations_or_variables()
    {
        Assert.Equal(["a_seconds_bucket"], PromQl.MetricNames(
            "histogram_quantile(0.99, sum by (instance, http_route, le) (rate(a_seconds_bucket{instance=~\"$instance\", x=\"y(z)\"}[$__rate_interval])))"));
        Assert.Equal(["b_total", "c"], PromQl.MetricNames("60 * sum without (to) (rate(b_total[5m])) / on (instance) group_left c").Order(StringComparer.Ordinal));
        Assert.Equal(["d"], PromQl.MetricNames("label_values(d, instance)"));
        Assert.Equal(["e_bucket", "e_count", "e_sum", "f"], PromQl.ExposedNames(
            "# HELP e x\n# TYPE e histogram\ne_bucket{le=\"+Inf\"} 1\ne_sum 2\ne_count 1\n# TYPE f gauge\nf{a=\"b c\"} 3\n").Order(StringComparer.Ordinal));
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
