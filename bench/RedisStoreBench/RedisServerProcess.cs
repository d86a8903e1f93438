using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace RedisStoreBench;

/// <summary>A throw-away redis-server on a free loopback port with persistence off, so the disk never enters the figures.</summary>
internal sealed class RedisServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _directory;

    private RedisServerProcess(Process process, string directory, int port, string version)
    {
        _process = process;
        _directory = directory;
        Port = port;
        Version = version;
    }

    public int Port { get; }

    public string Version { get; }

    public static async Task<RedisServerProcess> StartAsync()
    {
        var binary = Environment.GetEnvironmentVariable("REDIS_SERVER") ?? "redis-server";
        var directory = Directory.CreateTempSubdirectory("redis-bench-").FullName;
        var port = FreePort();
        var start = new ProcessStartInfo(binary) { UseShellExecute = false, WorkingDirectory = directory };
        foreach (var argument in (string[])["--port", port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1",
                     "--dir", directory, "--save", string.Empty, "--appendonly", "no", "--logfile", "redis.log"])
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("redis-server did not start");
        for (var attempt = 0; attempt < 200; attempt++)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return new RedisServerProcess(process, directory, port, await VersionAsync(binary));
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }

        process.Kill();
        throw new InvalidOperationException($"redis-server did not listen on port {port}");
    }

    public async ValueTask DisposeAsync()
    {
        _process.Kill();
        await _process.WaitForExitAsync();
        _process.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    private static async Task<string> VersionAsync(string binary)
    {
        var start = new ProcessStartInfo(binary, "--version") { RedirectStandardOutput = true, UseShellExecute = false };
        using var process = Process.Start(start)!;
        var text = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        var version = text.Split(' ').FirstOrDefault(part => part.StartsWith("v=", StringComparison.Ordinal));
        return version?[2..] ?? "unknown";
    }

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
