using System.Text.Json;
using OrderConsole.E2E.Infrastructure;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace OrderConsole.E2E.Deploy;

/// <summary>
/// The deploy files are accepted by the real tools that read them (promtool, haproxy), and docker-compose.yml
/// runs the expected topology from the very same haproxy.cfg, prometheus.yml and Grafana files the local
/// cluster uses. (No Docker engine runs here, so the compose file is checked structurally.)
/// </summary>
public sealed class DeployFilesTests
{
    [Fact]
    public async Task Promtool_accepts_the_Prometheus_config_with_the_compose_targets()
    {
        // Laid out as compose mounts it: prometheus.yml with targets/apps.yml beside it.
        var directory = Directory.CreateTempSubdirectory("oc-promtool-");
        try
        {
            var config = Path.Combine(directory.FullName, "prometheus.yml");
            File.CreateSymbolicLink(config, Tool.InRepository("deploy/prometheus.yml"));
            Directory.CreateDirectory(Path.Combine(directory.FullName, "targets"));
            File.Copy(Tool.InRepository("deploy/prometheus-targets/compose.yml"), Path.Combine(directory.FullName, "targets", "apps.yml"));

            var result = await Tool.RunAsync("promtool", ["check", "config", config]);

            Assert.True(result.ExitCode == 0, result.Output);
            Assert.Contains("SUCCESS", result.Output, StringComparison.Ordinal);
            // A warning here would mean the targets file was not found or did not parse.
            Assert.DoesNotContain("WARNING", result.Output, StringComparison.Ordinal);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Haproxy_accepts_its_config_with_the_compose_defaults()
    {
        var result = await Tool.RunAsync("haproxy", ["-c", "-f", Tool.InRepository("deploy/haproxy.cfg")]);

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Contains("Configuration file is valid", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Haproxy_accepts_its_config_with_the_local_cluster_addresses()
    {
        var result = await Tool.RunAsync("haproxy", ["-c", "-f", Tool.InRepository("deploy/haproxy.cfg")], new Dictionary<string, string>
        {
            ["HAPROXY_BIND"] = "127.0.0.1:18080",
            ["APP1_ADDR"] = "127.0.0.1:18081",
            ["APP2_ADDR"] = "127.0.0.1:18082",
        });

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Contains("Configuration file is valid", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void The_compose_file_runs_redis_two_apps_haproxy_prometheus_and_grafana()
    {
        var services = ComposeServices();

        Assert.Equal(["app1", "app2", "grafana", "haproxy", "prometheus", "redis"], services.Keys.Order(StringComparer.Ordinal));

        var redis = services["redis"];
        Assert.StartsWith("redis:7", Scalar(redis, "image"), StringComparison.Ordinal);
        var redisCommand = string.Join(' ', Sequence(redis, "command"));
        Assert.Contains("--appendonly yes", redisCommand, StringComparison.Ordinal);
        Assert.Contains("--appendfsync everysec", redisCommand, StringComparison.Ordinal);
        Assert.Contains(Sequence(redis, "volumes"), volume => volume.EndsWith(":/data", StringComparison.Ordinal));
        Assert.True(redis.Children.ContainsKey("healthcheck"), "redis has no health check");

        // Both instances: the same image built from this repository, on the compose Redis, with names and health checks.
        foreach (var name in new[] { "app1", "app2" })
        {
            var app = services[name];
            Assert.Equal("orderconsole:latest", Scalar(app, "image"));
            Assert.Equal(".", Scalar(app, "build"));
            var environment = (YamlMappingNode)app["environment"];
            Assert.Equal("redis:6379", Scalar(environment, "Redis__ConnectionString"));
            Assert.Equal(name, Scalar(environment, "InstanceName"));
            Assert.True(app.Children.ContainsKey("healthcheck"), $"{name} has no health check");
        }

        Assert.StartsWith("haproxy:", Scalar(services["haproxy"], "image"), StringComparison.Ordinal);
        Assert.StartsWith("prom/prometheus:", Scalar(services["prometheus"], "image"), StringComparison.Ordinal);
        Assert.StartsWith("grafana/grafana:", Scalar(services["grafana"], "image"), StringComparison.Ordinal);
    }

    [Fact]
    public void In_compose_metrics_are_served_on_a_monitoring_port_that_Prometheus_scrapes_and_HAProxy_does_not_forward()
    {
        var services = ComposeServices();
        var targets = File.ReadAllText(Tool.InRepository("deploy/prometheus-targets/compose.yml"));
        var haproxy = (YamlMappingNode)services["haproxy"]["environment"];

        foreach (var name in new[] { "app1", "app2" })
        {
            var environment = (YamlMappingNode)services[name]["environment"];
            var port = Scalar(environment, "Metrics__Port");
            Assert.False(string.IsNullOrEmpty(port), $"{name} sets no Metrics__Port");
            Assert.Contains(port, Scalar(environment, "ASPNETCORE_HTTP_PORTS").Split(';'));
            Assert.Contains($"\"{name}:{port}\"", targets, StringComparison.Ordinal);
            Assert.NotEqual($"{name}:{port}", Scalar(haproxy, name.ToUpperInvariant() + "_ADDR"));
        }
    }

    [Fact]
    public void The_compose_file_runs_without_demo_data_unless_asked_and_passes_the_first_admin_through()
    {
        var services = ComposeServices();

        foreach (var name in new[] { "app1", "app2" })
        {
            var environment = (YamlMappingNode)services[name]["environment"];
            Assert.Equal("${DEMO_ENABLED:-false}", Scalar(environment, "Demo__Enabled"));
            Assert.Equal("${DEMO_PASSWORD:-}", Scalar(environment, "Demo__Password"));
            Assert.Equal("${ADMIN_USERNAME:-}", Scalar(environment, "Admin__UserName"));
            Assert.Equal("${ADMIN_PASSWORD:-}", Scalar(environment, "Admin__Password"));
        }
    }

    [Fact]
    public void The_compose_file_mounts_the_same_deploy_files_the_local_cluster_uses()
    {
        var services = ComposeServices();

        Assert.Equal(["./deploy/haproxy.cfg:/usr/local/etc/haproxy/haproxy.cfg:ro"], Sequence(services["haproxy"], "volumes"));
        Assert.Contains("./deploy/prometheus.yml:/etc/prometheus/prometheus.yml:ro", Sequence(services["prometheus"], "volumes"));
        Assert.Contains("./deploy/prometheus-targets/compose.yml:/etc/prometheus/targets/apps.yml:ro", Sequence(services["prometheus"], "volumes"));
        Assert.Contains("./deploy/grafana/provisioning:/etc/grafana/provisioning:ro", Sequence(services["grafana"], "volumes"));
        Assert.Contains("./deploy/grafana/dashboards:/etc/grafana/dashboards:ro", Sequence(services["grafana"], "volumes"));

        // Every file or folder compose mounts from the repository exists, and the local cluster script names the same ones.
        var script = File.ReadAllText(Tool.InRepository("deploy/local-cluster.sh"));
        foreach (var source in services.Values.SelectMany(service => Sequence(service, "volumes"))
                     .Select(volume => volume.Split(':')[0])
                     .Where(source => source.StartsWith("./", StringComparison.Ordinal)))
        {
            Assert.True(File.Exists(Tool.InRepository(source)) || Directory.Exists(Tool.InRepository(source)), $"{source} does not exist");
        }

        Assert.Contains("$repo/deploy/haproxy.cfg", script, StringComparison.Ordinal);
        Assert.Contains("$repo/deploy/prometheus.yml", script, StringComparison.Ordinal);
    }

    [Fact]
    public void The_Grafana_dashboard_has_a_fixed_uid_and_every_panel_queries_the_provisioned_data_source()
    {
        using var dashboard = JsonDocument.Parse(File.ReadAllText(Tool.InRepository("deploy/grafana/dashboards/orderconsole.json")));
        var datasources = File.ReadAllText(Tool.InRepository("deploy/grafana/provisioning/datasources/prometheus.yml"));

        Assert.Equal("orderconsole", dashboard.RootElement.GetProperty("uid").GetString());
        Assert.Contains("uid: prometheus", datasources, StringComparison.Ordinal);
        var panels = dashboard.RootElement.GetProperty("panels").EnumerateArray().ToList();
        Assert.NotEmpty(panels);
        foreach (var panel in panels)
        {
            var title = panel.GetProperty("title").GetString();
            Assert.Equal("prometheus", panel.GetProperty("datasource").GetProperty("uid").GetString());
            var targets = panel.GetProperty("targets").EnumerateArray().ToList();
            Assert.True(targets.Count > 0, $"panel {title} has no query");
            Assert.All(targets, target => Assert.False(string.IsNullOrWhiteSpace(target.GetProperty("expr").GetString()), $"panel {title} has an empty query"));
        }
    }

    private static Dictionary<string, YamlMappingNode> ComposeServices()
    {
        using var reader = new StreamReader(Tool.InRepository("docker-compose.yml"));
        var yaml = new YamlStream();
        // The app services share their settings through a merge key (<<: *app); resolve it as compose does.
        yaml.Load(new MergingParser(new Parser(reader)));
        var root = (YamlMappingNode)yaml.Documents.Single().RootNode;
        return ((YamlMappingNode)root["services"]).Children
            .ToDictionary(entry => ((YamlScalarNode)entry.Key).Value!, entry => (YamlMappingNode)entry.Value, StringComparer.Ordinal);
    }

    private static string Scalar(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(key, out var value) ? ((YamlScalarNode)value).Value ?? string.Empty : string.Empty;

    private static List<string> Sequence(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(key, out var value)
            ? [.. ((YamlSequenceNode)value).Children.Select(item => ((YamlScalarNode)item).Value ?? string.Empty)]
            : [];
}
