using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace OrderConsole.Core.Redis;

/// <summary>
/// One shared, multiplexed connection to Redis: any number of concurrent callers pipeline their commands
/// over one socket and each gets its own reply. It reconnects by itself after a failure; commands issued
/// meanwhile fail fast, and commands in flight when it failed are never re-sent. Blocking commands belong
/// on a connection of their own (<see cref="OpenDedicatedAsync"/>).
/// </summary>
public sealed partial class RedisConnection : IAsyncDisposable
{
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _shutdown = new();
    private RedisSession? _session;
    private volatile Exception? _lastFailure;
    private int _state = (int)RedisConnectionState.Connecting;
    private Task _supervision = Task.CompletedTask;

    private RedisConnection(RedisConnectionOptions options, ILogger? logger)
    {
        Options = options;
        _logger = logger ?? NullLogger.Instance;
        DisplayName = options.ClientName ?? $"{options.Host}:{options.Port}";
    }

    /// <summary>Raised on every state change, e.g. to show "reconnecting"; handlers run on a background thread.</summary>
    public event EventHandler<RedisConnectionStateChangedEventArgs>? StateChanged;

    public RedisConnectionOptions Options { get; }

    public RedisConnectionState State => (RedisConnectionState)Volatile.Read(ref _state);

    /// <summary>The client name, or host:port when there is none; used in metrics and logs.</summary>
    public string DisplayName { get; }

    /// <summary>Connects, authenticates and selects the database; throws <see cref="RedisConnectionException"/> if the server cannot be reached or refuses.</summary>
    public static Task<RedisConnection> ConnectAsync(string connectionString, ILogger? logger = null, CancellationToken cancellationToken = default) =>
        ConnectAsync(RedisConnectionOptions.Parse(connectionString), logger, cancellationToken);

    /// <inheritdoc cref="ConnectAsync(string, ILogger?, CancellationToken)"/>
    public static async Task<RedisConnection> ConnectAsync(RedisConnectionOptions options, ILogger? logger = null, CancellationToken cancellationToken = default)
    {
        var connection = new RedisConnection(options, logger);
        try
        {
            var session = await connection.OpenSessionAsync(cancellationToken);
            connection.Publish(session);
            connection._supervision = Task.Run(() => connection.SuperviseAsync(session), CancellationToken.None);
            RedisMetrics.Track(connection);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Opens a separate connection with the same options, for blocking commands such as XREAD BLOCK; the caller disposes it.</summary>
    public Task<RedisConnection> OpenDedicatedAsync(CancellationToken cancellationToken = default) =>
        ConnectAsync(Options, _logger, cancellationToken);

    /// <summary>Sends a command with the connection's command timeout, e.g. <c>ExecuteAsync("SET", key, value)</c>.</summary>
    public Task<RedisReply> ExecuteAsync(string command, params ReadOnlySpan<RedisArgument> args) =>
        Send(Volatile.Read(ref _session), command, args, Options.CommandTimeout, CancellationToken.None);

    /// <summary>
    /// Sends a command given as name and arguments together, with an optional timeout of its own (blocking commands
    /// need one longer than their block time). Cancellation, like a timeout, only stops the wait: the command may still run.
    /// </summary>
    public Task<RedisReply> ExecuteAsync(ReadOnlySpan<RedisArgument> commandAndArgs, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        if (commandAndArgs.IsEmpty)
        {
            throw new ArgumentException("a request needs at least the command name", nameof(commandAndArgs));
        }

        return Send(Volatile.Read(ref _session), commandAndArgs[0], commandAndArgs[1..], timeout ?? Options.CommandTimeout, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _state, (int)RedisConnectionState.Disposed) == (int)RedisConnectionState.Disposed)
        {
            return;
        }

        RedisMetrics.Untrack(this);
        await _shutdown.CancelAsync();
        var session = Interlocked.Exchange(ref _session, null);
        if (session is not null)
        {
            await session.DisposeAsync();
        }

        await _supervision;
        _shutdown.Dispose();
    }

    private Task<RedisReply> Send(RedisSession? session, in RedisArgument command, ReadOnlySpan<RedisArgument> args, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var name = command.Text ?? command.ToString();
        if (session is null)
        {
            return Task.FromException<RedisReply>(NotConnected(name));
        }

        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<RedisReply>(cancellationToken);
        }

        var frame = RespRequest.Encode(command, args, out var length);
        var pending = new PendingCommand(name, frame, length, timeout);
        if (cancellationToken.CanBeCanceled)
        {
            pending.RegisterCancellation(cancellationToken);
        }

        if (!session.TryEnqueue(pending))
        {
            pending.ReturnFrame();
            return Task.FromException<RedisReply>(NotConnected(name));
        }

        return pending.Task;
    }

    private RedisConnectionException NotConnected(string command)
    {
        var endpoint = $"{Options.Host}:{Options.Port}";
        return State switch
        {
            RedisConnectionState.Disposed => new RedisConnectionException($"{command} was not sent: the connection to {endpoint} has been disposed"),
            RedisConnectionState.Connected => new RedisConnectionException(
                $"{command} was not sent: the connection to {endpoint} has just been lost and is about to reconnect", _lastFailure),
            _ => new RedisConnectionException(
                $"{command} was not sent: the connection to {endpoint} is {State.ToString().ToLowerInvariant()}" +
                (_lastFailure is { } cause ? $" after: {cause.Message}" : string.Empty),
                _lastFailure),
        };
    }

    private void Publish(RedisSession session)
    {
        Volatile.Write(ref _session, session);
        _lastFailure = null;
        ChangeState(RedisConnectionState.Connected, cause: null);
    }

    private void ChangeState(RedisConnectionState next, Exception? cause)
    {
        var previous = (RedisConnectionState)Volatile.Read(ref _state);
        if (previous == next || previous == RedisConnectionState.Disposed
            || Interlocked.CompareExchange(ref _state, (int)next, (int)previous) != (int)previous)
        {
            return;
        }

        try
        {
            StateChanged?.Invoke(this, new RedisConnectionStateChangedEventArgs(previous, next, cause));
        }
        catch (Exception ex)
        {
            _logger.LogError(ex, "A Redis connection state handler failed");
        }
    }
}
