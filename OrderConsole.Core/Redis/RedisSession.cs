using System.Buffers;
using System.Diagnostics;
using System.IO.Pipelines;
using System.Threading.Channels;

namespace OrderConsole.Core.Redis;

/// <summary>
/// One socket's life: a single writer loop that batches queued frames and flushes when the queue drains,
/// a single reader loop that hands each reply to the oldest waiting command, and a sweep that times out
/// callers without disturbing the FIFO. When the socket fails, every waiting command fails with it and the
/// session is finished for good; the owning <see cref="RedisConnection"/> opens a new one.
/// </summary>
internal sealed class RedisSession : IAsyncDisposable
{
    // Flush early when this much is buffered, so one huge burst does not sit in memory before the first byte leaves.
    private const int FlushThreshold = 256 * 1024;

    private readonly Stream _stream;
    private readonly PipeReader _input;
    private readonly PipeWriter _output;
    private readonly RespParser _parser;
    private readonly string _endpoint;
    private readonly Lock _gate = new();
    private readonly Queue<PendingCommand> _awaitingReply = new();
    private readonly Channel<PendingCommand> _outgoing = Channel.CreateUnbounded<PendingCommand>(
        new UnboundedChannelOptions { SingleReader = true, SingleWriter = false });

    private readonly TaskCompletionSource<Exception> _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ITimer _sweep;
    private readonly Task _reading;
    private readonly Task _writing;
    private readonly Action<RedisSession, Exception>? _onAbort;
    private Exception? _failure;
    private long _lastReplyTimestamp = Stopwatch.GetTimestamp();

    private RedisSession(Stream stream, RedisConnectionOptions options, Action<RedisSession, Exception>? onAbort)
    {
        _stream = stream;
        _onAbort = onAbort;
        _endpoint = $"{options.Host}:{options.Port}";
        _parser = new RespParser(options.Limits);
        _input = PipeReader.Create(stream, new StreamPipeReaderOptions(bufferSize: 64 * 1024, minimumReadSize: 4 * 1024, leaveOpen: true));
        _output = PipeWriter.Create(stream, new StreamPipeWriterOptions(minimumBufferSize: 64 * 1024, leaveOpen: true));
        var period = SweepPeriod(options.CommandTimeout);
        _sweep = TimeProvider.System.CreateTimer(static state => ((RedisSession)state!).TimeOutOverdueCommands(), this, period, period);
        _reading = Task.Run(ReadLoopAsync);
        _writing = Task.Run(WriteLoopAsync);
    }

    /// <summary>Completes with the reason once the session has failed or been closed.</summary>
    public Task<Exception> Closed => _closed.Task;

    /// <summary>
    /// Connects a new session. <paramref name="onAbort"/> is called once when it fails, before any waiting
    /// command is failed, so the owner can stop routing commands to it first.
    /// </summary>
    public static async Task<RedisSession> OpenAsync(
        RedisConnectionOptions options, Action<RedisSession, Exception>? onAbort, CancellationToken cancellationToken)
    {
        var stream = await RedisTransport.ConnectAsync(options, cancellationToken);
        return new RedisSession(stream, options, onAbort);
    }

    /// <summary>Queues a command for the writer and the reply FIFO in one step, so both see the same order.</summary>
    public bool TryEnqueue(PendingCommand command)
    {
        lock (_gate)
        {
            if (_failure is not null)
            {
                return false;
            }

            _awaitingReply.Enqueue(command);
            _outgoing.Writer.TryWrite(command);
            return true;
        }
    }

    /// <summary>True when no command is waiting and no reply has arrived for <paramref name="interval"/>.</summary>
    public bool IsIdleFor(TimeSpan interval)
    {
        lock (_gate)
        {
            return _awaitingReply.Count == 0 && Stopwatch.GetElapsedTime(_lastReplyTimestamp) >= interval;
        }
    }

    /// <summary>Fails every waiting command with <paramref name="cause"/> and closes the socket; later calls do nothing.</summary>
    public void Abort(Exception cause)
    {
        PendingCommand[] waiting;
        lock (_gate)
        {
            if (_failure is not null)
            {
                return;
            }

            _failure = cause;
            waiting = [.. _awaitingReply];
            _awaitingReply.Clear();
        }

        _outgoing.Writer.TryComplete();
        _sweep.Dispose();
        _onAbort?.Invoke(this, cause);
        foreach (var command in waiting)
        {
            command.FailDisconnected(_endpoint, cause);
        }

        // Closing the stream ends whichever loop is still blocked on it.
        _stream.Dispose();
        _closed.TrySetResult(cause);
    }

    public async ValueTask DisposeAsync()
    {
        Abort(new RedisConnectionException($"the connection to {_endpoint} was closed by the client"));
        await Task.WhenAll(_reading, _writing);
    }

    private async Task WriteLoopAsync()
    {
        try
        {
            var queue = _outgoing.Reader;
            while (await queue.WaitToReadAsync())
            {
                while (queue.TryRead(out var command))
                {
                    if (!command.TryMarkWritten())
                    {
                        continue;
                    }

                    _output.Write(command.Frame);
                    command.ReturnFrame();
                    if (_output.UnflushedBytes >= FlushThreshold)
                    {
                        await FlushAsync();
                    }
                }

                await FlushAsync();
            }
        }
        catch (Exception ex)
        {
            Abort(new RedisConnectionException($"writing to {_endpoint} failed: {ex.Message}", ex));
        }
        finally
        {
            await CompleteQuietlyAsync(_output);
        }
    }

    private async ValueTask FlushAsync()
    {
        var result = await _output.FlushAsync();
        if (result.IsCompleted || result.IsCanceled)
        {
            throw new IOException("the socket no longer accepts data");
        }
    }

    private async Task ReadLoopAsync()
    {
        try
        {
            while (true)
            {
                var result = await _input.ReadAsync();
                var buffer = result.Buffer;
                try
                {
                    while (_parser.TryParse(ref buffer, out var reply))
                    {
                        Deliver(reply!);
                    }
                }
                finally
                {
                    // Everything seen was examined, so the next read waits for new bytes instead of re-parsing these.
                    _input.AdvanceTo(buffer.Start, buffer.End);
                }

                if (result.IsCompleted)
                {
                    Abort(new RedisConnectionException($"the server at {_endpoint} closed the connection"));
                    return;
                }
            }
        }
        catch (RedisProtocolException ex)
        {
            Abort(ex);
        }
        catch (Exception ex)
        {
            Abort(new RedisConnectionException($"reading from {_endpoint} failed: {ex.Message}", ex));
        }
        finally
        {
            await _input.CompleteAsync();
        }
    }

    private void Deliver(RedisReply reply)
    {
        PendingCommand? command;
        lock (_gate)
        {
            _awaitingReply.TryDequeue(out command);
            _lastReplyTimestamp = Stopwatch.GetTimestamp();
        }

        if (command is null)
        {
            throw new RedisProtocolException($"the server sent a reply ({reply}) that no command was waiting for");
        }

        command.Complete(reply);
    }

    private void TimeOutOverdueCommands()
    {
        var now = Stopwatch.GetTimestamp();
        List<PendingCommand>? overdue = null;
        lock (_gate)
        {
            foreach (var command in _awaitingReply)
            {
                if (command.Deadline <= now && !command.Task.IsCompleted)
                {
                    (overdue ??= []).Add(command);
                }
            }
        }

        // Timed-out commands stay in the FIFO: their replies still come, and must be matched to them.
        overdue?.ForEach(static command => command.TimeOut());
    }

    private static TimeSpan SweepPeriod(TimeSpan commandTimeout)
    {
        if (commandTimeout == Timeout.InfiniteTimeSpan)
        {
            return TimeSpan.FromMilliseconds(100);
        }

        return TimeSpan.FromTicks(Math.Clamp(commandTimeout.Ticks / 10, TimeSpan.TicksPerMillisecond * 10, TimeSpan.TicksPerMillisecond * 100));
    }

    private static async ValueTask CompleteQuietlyAsync(PipeWriter writer)
    {
        try
        {
            await writer.CompleteAsync();
        }
        catch (Exception)
        {
            // The stream is already gone; there is nothing left to flush to.
        }
    }
}
