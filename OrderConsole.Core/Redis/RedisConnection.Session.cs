using Microsoft.Extensions.Logging;

namespace OrderConsole.Core.Redis;

/// <summary>Opening sessions, the handshake, the heartbeat and reconnecting with backoff.</summary>
public sealed partial class RedisConnection
{
    private async Task<RedisSession> OpenSessionAsync(CancellationToken cancellationToken)
    {
        var session = await RedisSession.OpenAsync(Options, OnSessionAborted, cancellationToken);
        try
        {
            await HandshakeAsync(session);
            return session;
        }
        catch
        {
            await session.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Runs inside the failing session before its commands are failed: a caller who reacts to such a failure by
    /// sending again must already see "reconnecting", not a connection that looks alive.
    /// </summary>
    private void OnSessionAborted(RedisSession session, Exception cause)
    {
        if (Interlocked.CompareExchange(ref _session, null, session) != session)
        {
            return;
        }

        _lastFailure = cause;
        ChangeState(RedisConnectionState.Reconnecting, cause);
    }

    /// <summary>AUTH, SELECT and CLIENT SETNAME, pipelined, before any caller's command can use the session.</summary>
    private async Task HandshakeAsync(RedisSession session)
    {
        var steps = new List<(string What, Task<RedisReply> Reply)>(3);
        if (Options.Password is not null)
        {
            steps.Add(Options.User is null
                ? ("AUTH", Send(session, "AUTH", [Options.Password], Options.ConnectTimeout, CancellationToken.None))
                : ($"AUTH as user '{Options.User}'", Send(session, "AUTH", [Options.User, Options.Password], Options.ConnectTimeout, CancellationToken.None)));
        }

        if (Options.Database != 0)
        {
            steps.Add(($"SELECT {Options.Database}", Send(session, "SELECT", [(long)Options.Database], Options.ConnectTimeout, CancellationToken.None)));
        }

        if (Options.ClientName is not null)
        {
            steps.Add(("CLIENT SETNAME", Send(session, "CLIENT", ["SETNAME", Options.ClientName], Options.ConnectTimeout, CancellationToken.None)));
        }

        foreach (var (what, reply) in steps)
        {
            try
            {
                await reply;
            }
            catch (RedisServerException ex)
            {
                throw new RedisConnectionException($"{Options.Host}:{Options.Port} refused {what}: {ex.Message}", ex);
            }
        }
    }

    /// <summary>Watches the live session; when it fails, reconnects until it succeeds or the connection is disposed.</summary>
    private async Task SuperviseAsync(RedisSession session)
    {
        var stopping = _shutdown.Token;
        while (!stopping.IsCancellationRequested)
        {
            var cause = await WatchAsync(session, stopping);
            if (stopping.IsCancellationRequested)
            {
                return;
            }

            // Usually already done from inside the failing session; repeated here in case the session closed otherwise.
            OnSessionAborted(session, cause);
            if (_logger.IsEnabled(LogLevel.Warning))
            {
                _logger.LogWarning(cause, "Redis connection {Name} lost; reconnecting", DisplayName);
            }

            await session.DisposeAsync();

            var next = await ReconnectAsync(stopping);
            if (next is null)
            {
                return;
            }

            session = next;
            Publish(session);
            if (State == RedisConnectionState.Disposed)
            {
                // Disposed while this session was opening: DisposeAsync may not have seen it, so close it here.
                Interlocked.CompareExchange(ref _session, null, session);
                await session.DisposeAsync();
                return;
            }

            if (_logger.IsEnabled(LogLevel.Information))
            {
                _logger.LogInformation("Redis connection {Name} re-established", DisplayName);
            }
        }
    }

    /// <summary>Waits for the session to close, sending PING whenever it has been idle for a heartbeat interval.</summary>
    private async Task<Exception> WatchAsync(RedisSession session, CancellationToken stopping)
    {
        var interval = Options.HeartbeatInterval;
        while (true)
        {
            var tick = Task.Delay(interval, stopping);
            if (await Task.WhenAny(session.Closed, tick) == session.Closed || stopping.IsCancellationRequested)
            {
                return await session.Closed;
            }

            if (!session.IsIdleFor(interval))
            {
                continue;
            }

            try
            {
                await Send(session, "PING", [], interval, CancellationToken.None);
            }
            catch (RedisTimeoutException ex)
            {
                session.Abort(new RedisConnectionException(
                    $"no reply to the heartbeat PING within {(long)interval.TotalMilliseconds} ms; the socket is considered dead", ex));
            }
            catch (RedisException)
            {
                // The session failed on its own; the next turn of the loop sees it closed.
            }
        }
    }

    private async Task<RedisSession?> ReconnectAsync(CancellationToken stopping)
    {
        for (var attempt = 0; !stopping.IsCancellationRequested; attempt++)
        {
            try
            {
                await Task.Delay(ReconnectBackoff.Delay(attempt, Options.ReconnectMinDelay, Options.ReconnectMaxDelay), stopping);
                var session = await OpenSessionAsync(stopping);
                RedisMetrics.RecordReconnect(succeeded: true);
                return session;
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return null;
            }
            catch (Exception ex)
            {
                RedisMetrics.RecordReconnect(succeeded: false);
                _lastFailure = ex;
                if (_logger.IsEnabled(LogLevel.Warning))
                {
                    _logger.LogWarning("Redis connection {Name}: reconnect attempt {Attempt} failed: {Reason}", DisplayName, attempt + 1, ex.Message);
                }
            }
        }

        return null;
    }
}
