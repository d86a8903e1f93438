using System.Diagnostics;
using System.Reflection;
using System.Text.RegularExpressions;

namespace OrderConsole.E2E.Infrastructure;

/// <summary>
/// The real console as a separate process on a free loopback port, started from the build output the way
/// an operator would start it, and stopped (with its whole process tree) when disposed.
/// </summary>
public sealed partial class ConsoleProcess : IAsyncDisposable
{
    private static readonly TimeSpan s_startTimeout = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly List<string> _output;

    private ConsoleProcess(Process process, Uri address, List<string> output)
    {
        _process = process;
        Address = address;
        _output = output;
    }

    public Uri Address { get; }

    /// <summary>Everything the process printed so far (it keeps growing), for failure messages and what the log says.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return string.Join(Environment.NewLine, _output);
            }
        }
    }

    /// <param name="environment">Settings for the process, as environment variables.</param>
    /// <param name="port">The loopback port to listen on; 0 picks a free one (a restart passes the old one again).</param>
    /// <param name="assembly">OrderConsole.dll to start: this build's output unless a published copy is named.</param>
    public static async Task<ConsoleProcess> StartAsync(IReadOnlyDictionary<string, string>? environment = null, int port = 0, string? assembly = null)
    {
        assembly ??= typeof(ConsoleProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(attribute => attribute.Key == "ConsoleAssembly").Value!;
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { "exec", Path.GetFullPath(assembly), "--urls", $"http://127.0.0.1:{port}" },
            WorkingDirectory = Path.GetDirectoryName(Path.GetFullPath(assembly))!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";

        // The browser tests work on the demo data, so they ask for it; a test that wants none says Demo__Enabled=false.
        start.Environment["Demo__Enabled"] = "true";

        // Volatile unless a test names a data folder of its own: no run sees another's data.
        start.Environment["Storage__DataPath"] = string.Empty;
        start.Environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information";

        // Maps draw on a plain background: no browser in a test asks a tile server off this machine.
        start.Environment["Map__TileUrl"] = string.Empty;
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var lines = new List<string>();
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        void OnLine(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (lines)
            {
                lines.Add(line);
            }

            if (ListeningPattern().Match(line) is { Success: true } match)
            {
                listening.TrySetResult(new Uri(match.Groups["url"].Value));
            }
        }

        process.OutputDataReceived += (_, line) => OnLine(line.Data);
        process.ErrorDataReceived += (_, line) => OnLine(line.Data);
        process.Exited += (_, _) => listening.TrySetException(new InvalidOperationException("The console exited before it listened:\n" + string.Join('\n', lines)));
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        try
        {
            var address = await listening.Task.WaitAsync(s_startTimeout);
            return new ConsoleProcess(process, address, lines);
        }
        catch
        {
            process.Kill(entireProcessTree: true);
            process.Dispose();
            throw;
        }
    }

    /// <summary>Kills the process at once, the way a crash or a kill -9 ends it, and waits until it is gone.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }

    [GeneratedRegex(@"Now listening on: (?<url>http://\S+)")]
    private static partial Regex ListeningPattern();
}
