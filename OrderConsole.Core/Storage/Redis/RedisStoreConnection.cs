using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;

namespace OrderConsole.Core.Storage.Redis;

/// <summary>
/// The process's one <see cref="ConnectionMultiplexer"/>, as the store, the feed and the user accounts share it:
/// connected with the configuration string the operator gives, commands failing fast while it is disconnected
/// (never queued to run later), the store's scripts loaded on the server so they run by digest, and its state
/// kept for readiness and metrics.
/// </summary>
public sealed class RedisStoreConnection : IAsyncDisposable
{
    private readonly ConnectionMultiplexer _multiplexer;
    private readonly ILogger _logger;
    private int _state = (int)RedisConnectionState.Connected;

    private RedisStoreConnection(ConnectionMultiplexer multiplexer, ConfigurationOptions options, ILogger logger, IMeterFactory? meters)
    {
        _multiplexer = multiplexer;
        _logger = logger;
        Database = multiplexer.GetDatabase();
        DisplayName = options.ClientName is { Length: > 0 } name
            ? name
            : string.Join(",", options.EndPoints.Select(endpoint => endpoint.ToString()));
        Metrics = new RedisMetrics(this, meters);
        multiplexer.ConnectionFailed += OnConnectionFailed;
        multiplexer.ConnectionRestored += OnConnectionRestored;
    }

    /// <summary>Raised when a lost connection is back (commands or subscriptions): whatever was published meanwhile is lost.</summary>
    public event EventHandler? Restored;

    public IDatabase Database { get; }

    public ISubscriber Subscriber => _multiplexer.GetSubscriber();

    /// <summary>The multiplexer itself, for the framework parts that take one (data-protection keys).</summary>
    public IConnectionMultiplexer Multiplexer => _multiplexer;

    /// <summary>The client name when one is configured, otherwise the endpoints; used in metrics and logs.</summary>
    public string DisplayName { get; }

    public RedisConnectionState State => (RedisConnectionState)Volatile.Read(ref _state);

    /// <summary>True while commands can be sent.</summary>
    public bool IsConnected => State == RedisConnectionState.Connected && _multiplexer.IsConnected;

    internal RedisMetrics Metrics { get; }

    /// <summary>
    /// Connects with a StackExchange.Redis configuration string (<c>host:port,password=…,ssl=true,…</c>); an unknown
    /// option or an unreachable server (with the default <c>abortConnect=true</c>) fails here, so a console that
    /// cannot reach its store does not start.
    /// </summary>
    public static async Task<RedisStoreConnection> ConnectAsync(string configuration, ILogger? logger = null, IMeterFactory? meters = null)
    {
        var options = Configure(configuration);
        var multiplexer = await ConnectionMultiplexer.ConnectAsync(options);
        var connection = new RedisStoreConnection(multiplexer, options, logger ?? NullLogger.Instance, meters);
        try
        {
            await connection.LoadScriptsAsync();
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>The operator's options, with what the store relies on: fail fast while disconnected.</summary>
    public static ConfigurationOptions Configure(string configuration)
    {
        ConfigurationOptions options;
        try
        {
            options = ConfigurationOptions.Parse(configuration);
        }
        catch (ArgumentException invalid)
        {
            throw new FormatException($"Invalid Redis connection string: {invalid.Message}", invalid);
        }

        if (options.EndPoints.Count == 0)
        {
            throw new FormatException("Invalid Redis connection string: it names no server; expected host:port followed by ,key=value options");
        }

        // A command issued while the connection is down fails at once ("nothing was changed") instead of waiting
        // in a backlog and perhaps running long after its caller gave up.
        options.BacklogPolicy = BacklogPolicy.FailFast;
        return options;
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _state, (int)RedisConnectionState.Disposed) == (int)RedisConnectionState.Disposed)
        {
            return;
        }

        _multiplexer.ConnectionFailed -= OnConnectionFailed;
        _multiplexer.ConnectionRestored -= OnConnectionRestored;
        Metrics.Dispose();
        await _multiplexer.CloseAsync(allowCommandsToComplete: false);
        await _multiplexer.DisposeAsync();
    }

    /// <summary>
    /// SCRIPT LOAD for every script, so the client sends EVALSHA; after a SCRIPT FLUSH or a restart the server
    /// answers NOSCRIPT, the client re-sends the script with EVAL (NOSCRIPT means it did not run), and a reconnect loads them again.
    /// </summary>
    private async Task LoadScriptsAsync()
    {
        foreach (var endpoint in _multiplexer.GetEndPoints())
        {
            var server = _multiplexer.GetServer(endpoint);
            if (!server.IsConnected)
            {
                continue;
            }

            foreach (var script in RedisScripts.All.Concat(RedisUserScripts.All).Concat(RedisWorkerScripts.All).Concat(RedisWebhookScripts.All).Concat(RedisProofScripts.All))
            {
                await server.ScriptLoadAsync(script);
            }
        }
    }

    private void OnConnectionFailed(object? sender, ConnectionFailedEventArgs failure)
    {
        if (failure.ConnectionType != ConnectionType.Interactive || State == RedisConnectionState.Disposed)
        {
            return;
        }

        if (Interlocked.Exchange(ref _state, (int)RedisConnectionState.Reconnecting) == (int)RedisConnectionState.Reconnecting)
        {
            Metrics.RecordReconnect(succeeded: false);
        }
        else
        {
            _logger.LogWarning(failure.Exception, "The Redis connection to {Endpoint} failed ({FailureType}); reconnecting", failure.EndPoint, failure.FailureType);
        }
    }

    private void OnConnectionRestored(object? sender, ConnectionFailedEventArgs restored)
    {
        if (State == RedisConnectionState.Disposed)
        {
            return;
        }

        if (restored.ConnectionType == ConnectionType.Interactive
            && Interlocked.CompareExchange(ref _state, (int)RedisConnectionState.Connected, (int)RedisConnectionState.Reconnecting) == (int)RedisConnectionState.Reconnecting)
        {
            Metrics.RecordReconnect(succeeded: true);
            _logger.LogInformation("The Redis connection to {Endpoint} is back", restored.EndPoint);
            _ = ReloadScriptsAsync();
        }

        try
        {
            Restored?.Invoke(this, EventArgs.Empty);
        }
        catch (Exception ex)
        {
            _logger.LogError(ex, "A Redis reconnection handler failed");
        }
    }

    private async Task ReloadScriptsAsync()
    {
        try
        {
            await LoadScriptsAsync();
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException or ObjectDisposedException)
        {
            // Not fatal: a script the server lacks is sent in full (EVAL) when it answers NOSCRIPT.
            _logger.LogWarning(ex, "Loading the store's scripts after a reconnect failed");
        }
    }
}

/// <summary>Where the shared connection is: commands are sent only while <see cref="Connected"/>.</summary>
public enum RedisConnectionState
{
    Connected,
    Reconnecting,
    Disposed,
}
