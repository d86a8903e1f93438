using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using OrderConsole.Core.Storage.Redis;

namespace OrderConsole.Tests.Infrastructure;

/// <summary>
/// A real redis-server process on a free 127.0.0.1 port with its own temp directory, no RDB snapshots and
/// DEBUG allowed from localhost. It can be killed (like kill -9) and started again on the same port and
/// directory. Set REDIS_SERVER to use a binary that is not on the PATH.
/// </summary>
public class RedisServerFixture : IAsyncLifetime
{
    private static readonly TimeSpan s_startTimeout = TimeSpan.FromSeconds(20);
    private Process? _process;

    public RedisServerFixture()
        : this(appendOnly: false)
    {
    }

    /// <param name="appendOnly">Run with <c>--appendonly yes --appendfsync always</c>, so an acknowledged write survives a kill.</param>
    protected RedisServerFixture(bool appendOnly)
    {
        AppendOnly = appendOnly;
        DataDirectory = Directory.CreateTempSubdirectory("ordertest-redis-").FullName;
        Port = FreePort();
    }

    public bool AppendOnly { get; }

    public string DataDirectory { get; }

    public int Port { get; }

    public string Host { get; } = "127.0.0.1";

    /// <summary>host:port, ready to have StackExchange.Redis options appended.</summary>
    public string ConnectionString => $"{Host}:{Port}";

    public bool IsRunning => _process is { HasExited: false };

    public Task InitializeAsync() => StartAsync();

    public Task DisposeAsync()
    {
        Kill();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp directory is harmless.
        }

        return Task.CompletedTask;
    }

    /// <summary>Connects the store's client; <paramref name="options"/> are appended to the configuration, e.g. "asyncTimeout=300".</summary>
    public Task<RedisStoreConnection> ConnectAsync(string options = "") =>
        RedisStoreConnection.ConnectAsync(options.Length == 0 ? ConnectionString : $"{ConnectionString},{options}");

    /// <summary>A connection for the test itself, allowed admin commands (CONFIG, CLIENT KILL, SCRIPT FLUSH, …).</summary>
    public Task<RedisStoreConnection> ConnectAdminAsync() => ConnectAsync("allowAdmin=true,name=test-admin");

    /// <summary>Starts the server (again) and waits until it answers PING.</summary>
    public async Task StartAsync()
    {
        if (IsRunning)
        {
            return;
        }

        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("REDIS_SERVER") ?? "redis-server")
        {
            UseShellExecute = false,
            WorkingDirectory = DataDirectory,
        };
        foreach (var argument in Arguments())
        {
            start.ArgumentList.Add(argument);
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException("redis-server did not start");
        await WaitForPingAsync();
    }

    /// <summary>Kills the process at once (SIGKILL), as a crash would.</summary>
    public void Kill()
    {
        if (_process is null)
        {
            return;
        }

        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
        _process = null;
    }

    public async Task RestartAsync()
    {
        Kill();
        await StartAsync();
    }

    private IEnumerable<string> Arguments()
    {
        string[] common =
        [
            "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--bind", Host,
            "--dir", DataDirectory,
            "--save", string.Empty,
            "--daemonize", "no",
            "--logfile", "redis.log",
            "--enable-debug-command", "local",
        ];
        return AppendOnly
            ? [.. common, "--appendonly", "yes", "--appendfsync", "always"]
            : [.. common, "--appendonly", "no"];
    }

    private async Task WaitForPingAsync()
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < s_startTimeout)
        {
            if (_process!.HasExited)
            {
                throw new InvalidOperationException($"redis-server exited with code {_process.ExitCode}: {Log()}");
            }

            if (await AnswersPingAsync())
            {
                return;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"redis-server on port {Port} did not answer PING within {s_startTimeout}: {Log()}");
    }

    // A raw socket, so waiting for the server does not depend on a client's reconnect policy.
    private async Task<bool> AnswersPingAsync()
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, Port);
            var stream = client.GetStream();
            await stream.WriteAsync("PING\r\n"u8.ToArray());
            var buffer = new byte[64];
            var read = await stream.ReadAsync(buffer);
            return Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal);
        }
        catch (SocketException)
        {
            return false;
        }
        catch (IOException)
        {
            return false;
        }
    }

    private string Log()
    {
        var path = Path.Combine(DataDirectory, "redis.log");
        return File.Exists(path) ? File.ReadAllText(path) : "(no log)";
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>The same server with the append-only file fsynced on every write, for durability tests.</summary>
public sealed class DurableRedisServerFixture() : RedisServerFixture(appendOnly: true);
