using System.Diagnostics;
using System.Globalization;

namespace ApiBench;

/// <summary>The console started as its own process on a free port, with rate limits lifted so the load generator measures the app, not the limiter.</summary>
internal sealed class ConsoleUnderTest : IAsyncDisposable
{
    private readonly Process _process;

    private ConsoleUnderTest(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>The console's process, for benchmarks that read its CPU time and working set.</summary>
    public int ProcessId => _process.Id;

    /// <summary>The demo users' password for this run.</summary>
    public const string DemoPassword = "bench-demo-password";

    /// <param name="redisConnectionString">Redis to run on; null for the embedded store.</param>
    /// <param name="environment">
    /// Production by default; benchmarks that open pages use Development, the one environment in which the build output
    /// (not a published copy) serves the pages' static assets (blazor.web.js, MudBlazor's scripts).
    /// </param>
    /// <param name="instanceName">The instance's name (several on one Redis); its log lines are prefixed with it.</param>
    public static async Task<ConsoleUnderTest> StartAsync(string? redisConnectionString, string environment = "Production", string instanceName = "console")
    {
        var port = RedisStoreBench.RedisServerProcess.FreePort();
        var assembly = Path.Combine(RepositoryRoot(), "OrderConsole", "bin", "Release", "net10.0", "OrderConsole.dll");
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(assembly);
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = environment;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Demo__Enabled"] = "true";
        start.Environment["InstanceName"] = instanceName;

        // The embedded store volatile, as measured: no data folder left behind between runs.
        start.Environment["Storage__DataPath"] = string.Empty;

        // Outside Development the console refuses demo mode with the published default password.
        start.Environment["Demo__Password"] = DemoPassword;
        start.Environment["RateLimits__SignIn__PermitLimit"] = "1000000000";
        start.Environment["RateLimits__Public__PermitLimit"] = "1000000000";
        start.Environment["RateLimits__State__PermitLimit"] = "1000000000";
        if (redisConnectionString is not null)
        {
            start.Environment["Redis__ConnectionString"] = redisConnectionString;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("the console did not start");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, line) => { if (line.Data is not null) { Console.Error.WriteLine($"{instanceName}: {line.Data}"); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var address = new Uri($"http://127.0.0.1:{port}");
        using var http = new HttpClient();
        for (var attempt = 0; attempt < 600; attempt++)
        {
            try
            {
                using var ready = await http.GetAsync(new Uri(address, "/readyz"));
                if (ready.IsSuccessStatusCode)
                {
                    return new ConsoleUnderTest(process, address);
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        process.Kill(entireProcessTree: true);
        throw new InvalidOperationException($"{instanceName} did not become ready within a minute");
    }

    /// <summary>User plus system CPU time the process has used so far (Linux /proc).</summary>
    public TimeSpan CpuTime()
    {
        var stat = File.ReadAllText($"/proc/{_process.Id}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / 100.0);
    }

    public async ValueTask DisposeAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "OrderConsole.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("run the benchmark from inside the repository");
    }
}
