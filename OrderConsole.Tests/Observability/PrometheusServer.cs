using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace OrderConsole.Tests.Observability;

/// <summary>
/// A real Prometheus (Debian package <c>prometheus</c>) on a free loopback port, scraping one target every
/// second, with its storage in a temporary directory removed on dispose.
/// </summary>
public sealed class PrometheusServer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _directory;
    private readonly HttpClient _client;

    private PrometheusServer(Process process, string directory, Uri address)
    {
        _process = process;
        _directory = directory;
        _client = new HttpClient { BaseAddress = address };
    }

    public static async Task<PrometheusServer> StartAsync(Uri target)
    {
        var directory = Directory.CreateTempSubdirectory("orderconsole-prometheus-").FullName;
        var config = Path.Combine(directory, "prometheus.yml");
        await File.WriteAllTextAsync(config, $"""
            global:
              scrape_interval: 1s
              scrape_timeout: 1s
            scrape_configs:
              - job_name: orderconsole
                metrics_path: {target.AbsolutePath}
                static_configs:
                  - targets: ['{target.Authority}']
            """);
        var port = FreePort();
        var start = new ProcessStartInfo("prometheus")
        {
            ArgumentList =
            {
                "--config.file=" + config,
                "--storage.tsdb.path=" + Path.Combine(directory, "data"),
                "--web.listen-address=127.0.0.1:" + port.ToString(CultureInfo.InvariantCulture),
            },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException("prometheus did not start; install the Debian package prometheus");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new PrometheusServer(process, directory, new Uri($"http://127.0.0.1:{port}/"));
    }

    /// <summary>The series an instant PromQL query returns (each as its label set), or none while Prometheus is not up yet.</summary>
    public async Task<IReadOnlyList<IReadOnlyDictionary<string, string>>> QueryAsync(string promql)
    {
        try
        {
            using var response = await _client.GetAsync(new Uri("api/v1/query?query=" + Uri.EscapeDataString(promql), UriKind.Relative));
            if (response.StatusCode != HttpStatusCode.OK)
            {
                return [];
            }

            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            return [.. json.RootElement.GetProperty("data").GetProperty("result").EnumerateArray()
                .Select(series => (IReadOnlyDictionary<string, string>)series.GetProperty("metric").EnumerateObject()
                    .ToDictionary(label => label.Name, label => label.Value.GetString() ?? string.Empty, StringComparer.Ordinal))];
        }
        catch (HttpRequestException)
        {
            return [];
        }
    }

    /// <summary>The health of the scrape target as Prometheus sees it ("up", "down", "unknown"), with its last error.</summary>
    public async Task<string> TargetHealthAsync()
    {
        try
        {
            using var json = JsonDocument.Parse(await _client.GetStringAsync(new Uri("api/v1/targets", UriKind.Relative)));
            var target = json.RootElement.GetProperty("data").GetProperty("activeTargets").EnumerateArray().FirstOrDefault();
            return target.ValueKind == JsonValueKind.Undefined ? "none" : $"{target.GetProperty("health").GetString()} {target.GetProperty("lastError").GetString()}";
        }
        catch (HttpRequestException)
        {
            return "not started";
        }
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
