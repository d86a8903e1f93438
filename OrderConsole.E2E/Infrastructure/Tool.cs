using System.Diagnostics;
using System.Reflection;

namespace OrderConsole.E2E.Infrastructure;

/// <summary>What a finished command-line tool returned: its exit code and everything it printed.</summary>
public sealed record ToolResult(int ExitCode, string Output);

/// <summary>Runs real command-line tools (promtool, haproxy, the cluster script) and paths into the repository.</summary>
public static class Tool
{
    /// <summary>The repository this test assembly was built from (deploy files, scripts).</summary>
    public static string RepositoryRoot { get; } = Path.GetFullPath(typeof(Tool).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>().Single(attribute => attribute.Key == "RepositoryRoot").Value!);

    /// <summary>The console's build output, the one <see cref="ConsoleProcess"/> starts.</summary>
    public static string ConsoleAssembly { get; } = Path.GetFullPath(typeof(Tool).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>().Single(attribute => attribute.Key == "ConsoleAssembly").Value!);

    public static string InRepository(string relativePath) => Path.Combine(RepositoryRoot, relativePath);

    /// <summary>Runs <paramref name="file"/> to completion (killed after <paramref name="timeout"/>), stdout and stderr together.</summary>
    public static async Task<ToolResult> RunAsync(
        string file, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null, TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo(file)
        {
            WorkingDirectory = RepositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', start.ArgumentList)} did not finish in time");
        }

        return new ToolResult(process.ExitCode, await stdout + await stderr);
    }
}
