using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace ApiBench;

/// <summary>Runs <c>hey</c> against one URL and reads requests/s and the latency percentiles from its report.</summary>
internal static partial class LoadGenerator
{
    public static async Task<LoadFigures> RunAsync(Uri url, TimeSpan duration, int connections, int? requestsPerSecond, string? bearer = null)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("HEY") ?? "hey") { UseShellExecute = false, RedirectStandardOutput = true };
        foreach (var argument in (string[])["-z", $"{(int)duration.TotalSeconds}s", "-c", connections.ToString(CultureInfo.InvariantCulture)])
        {
            start.ArgumentList.Add(argument);
        }

        if (requestsPerSecond is { } rate)
        {
            // hey's -q is a rate per connection.
            start.ArgumentList.Add("-q");
            start.ArgumentList.Add((rate / connections).ToString(CultureInfo.InvariantCulture));
        }

        if (bearer is not null)
        {
            start.ArgumentList.Add("-H");
            start.ArgumentList.Add($"Authorization: Bearer {bearer}");
        }

        start.ArgumentList.Add(url.ToString());
        using var process = Process.Start(start) ?? throw new InvalidOperationException("hey did not start; install it (Debian package hey)");
        var report = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();

        var statuses = StatusLine().Matches(report).ToDictionary(match => match.Groups["code"].Value, match => int.Parse(match.Groups["count"].Value, CultureInfo.InvariantCulture));
        return new LoadFigures(
            double.Parse(RequestsPerSecond().Match(report).Groups["value"].Value, CultureInfo.InvariantCulture),
            Percentile(report, 50),
            Percentile(report, 99),
            statuses);
    }

    private static double Percentile(string report, int percent)
    {
        var match = Regex.Match(report, $@"\s{percent}% in (?<seconds>[0-9.]+) secs", RegexOptions.None, TimeSpan.FromSeconds(1));
        return double.Parse(match.Groups["seconds"].Value, CultureInfo.InvariantCulture) * 1000;
    }

    [GeneratedRegex(@"Requests/sec:\s+(?<value>[0-9.]+)")]
    private static partial Regex RequestsPerSecond();

    [GeneratedRegex(@"\[(?<code>\d{3})\]\s+(?<count>\d+) responses")]
    private static partial Regex StatusLine();
}

/// <summary>What one load run measured; latencies in milliseconds.</summary>
internal sealed record LoadFigures(double RequestsPerSecond, double P50, double P99, IReadOnlyDictionary<string, int> Statuses);
