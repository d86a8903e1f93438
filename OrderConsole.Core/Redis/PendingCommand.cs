using System.Buffers;
using System.Diagnostics;

namespace OrderConsole.Core.Redis;

/// <summary>
/// One command from the moment a caller issues it until its reply arrives: its encoded frame, its deadline,
/// and the task the caller awaits. It stays in the reply FIFO even after the caller gave up, so the late
/// reply is matched to it and discarded instead of being handed to the next caller.
/// </summary>
internal sealed class PendingCommand : TaskCompletionSource<RedisReply>
{
    private const int Queued = 0;
    private const int Written = 1;
    private const int Abandoned = 2;

    private readonly TimeSpan _timeout;
    private byte[]? _frame;
    private int _wireState;
    private CancellationTokenRegistration _cancellation;

    public PendingCommand(string name, byte[] frame, int length, TimeSpan timeout)
        : base(TaskCreationOptions.RunContinuationsAsynchronously)
    {
        Name = name;
        _frame = frame;
        FrameLength = length;
        _timeout = timeout;
        StartTimestamp = Stopwatch.GetTimestamp();
        Deadline = timeout == Timeout.InfiniteTimeSpan
            ? long.MaxValue
            : StartTimestamp + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
    }

    public string Name { get; }

    public int FrameLength { get; }

    public long StartTimestamp { get; }

    /// <summary>Stopwatch timestamp after which the caller is told it timed out.</summary>
    public long Deadline { get; }

    public ReadOnlySpan<byte> Frame => _frame.AsSpan(0, FrameLength);

    public void RegisterCancellation(CancellationToken cancellationToken) =>
        _cancellation = cancellationToken.UnsafeRegister(
            static (state, token) => ((PendingCommand)state!).TrySetCanceled(token), this);

    /// <summary>Claims the command for the socket; false when it was already abandoned by a failing connection.</summary>
    public bool TryMarkWritten() => Interlocked.CompareExchange(ref _wireState, Written, Queued) == Queued;

    public void ReturnFrame()
    {
        var frame = Interlocked.Exchange(ref _frame, null);
        if (frame is not null)
        {
            ArrayPool<byte>.Shared.Return(frame);
        }
    }

    /// <summary>Hands the reply to the caller (an error reply as <see cref="RedisServerException"/>); a no-op if the caller already gave up.</summary>
    public void Complete(RedisReply reply)
    {
        _cancellation.Dispose();
        RedisMetrics.RecordDuration(Name, StartTimestamp, reply.IsError);
        if (reply.IsError)
        {
            TrySetException(new RedisServerException(reply.AsString()!));
        }
        else
        {
            TrySetResult(reply);
        }
    }

    public void TimeOut()
    {
        var milliseconds = (long)_timeout.TotalMilliseconds;
        TrySetException(new RedisTimeoutException(
            $"no reply to {Name} within {milliseconds} ms; the command may still run on the server, and its reply will be discarded when it comes"));
    }

    /// <summary>
    /// Fails the command because its connection is gone: outcome unknown if any byte may have reached the
    /// socket, otherwise a plain connection error (it was never sent, so a retry is safe).
    /// </summary>
    public void FailDisconnected(string endpoint, Exception cause)
    {
        _cancellation.Dispose();
        ReturnFrame();
        var neverSent = Interlocked.CompareExchange(ref _wireState, Abandoned, Queued) == Queued;
        TrySetException(neverSent
            ? new RedisConnectionException(
                $"the connection to {endpoint} was lost before {Name} was sent ({cause.Message}); it was not applied", cause)
            : new RedisOutcomeUnknownException(
                $"the connection to {endpoint} was lost while {Name} was in flight ({cause.Message}); the command may or may not have been applied", cause));
    }
}
