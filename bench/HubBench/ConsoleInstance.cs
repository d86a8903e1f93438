using System.Diagnostics;
using System.Globalization;

namespace HubBench;

/// <summary>A console process on the shared Redis, on a free port, whose CPU time the benchmark reads from /proc.</summary>
internal sealed class ConsoleInstance : IAsyncDisposable
{
    public const string DemoPassword = "bench-demo-password";

    private readonly Process _process;

    private ConsoleInstance(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    public static async Task<ConsoleInstance> StartAsync(string name, string redis)
    {
        var port = RedisStoreBench.RedisServerProcess.FreePort();
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(RepositoryRoot(), "OrderConsole", "bin", "Release", "net10.0", "OrderConsole.dll"));
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["InstanceName"] = name;
        start.Environment["Redis__ConnectionString"] = redis;
        start.Environment["Demo__Enabled"] = "true";
        start.Environment["Demo__Password"] = DemoPassword;
        start.Environment["RateLimits__SignIn__PermitLimit"] = "1000000000";
        var process = Process.Start(start) ?? throw new InvalidOperationException("the console did not start");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, line) => { if (line.Data is not null) { Console.Error.WriteLine($"{name}: {line.Data}"); } };
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
                    return new ConsoleInstance(process, address);
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        process.Kill(entireProcessTree: true);
        throw new InvalidOperationException($"{name} did not become ready within a minute");
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
