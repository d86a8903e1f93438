using System.Diagnostics;

namespace OrderConsole.Tests.Observability;

/// <summary>Runs the real <c>promtool check metrics</c> (Debian package <c>prometheus</c>) over a scrape.</summary>
public static class Promtool
{
    /// <summary>The exit code and everything promtool printed.</summary>
    public static async Task<(int ExitCode, string Output)> CheckMetricsAsync(string exposition)
    {
        var start = new ProcessStartInfo("promtool")
        {
            ArgumentList = { "check", "metrics" },
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("promtool did not start; install the Debian package prometheus");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.StandardInput.WriteAsync(exposition);
        process.StandardInput.Close();
        await process.WaitForExitAsync();
        return (process.ExitCode, (await output) + (await error));
    }
}
