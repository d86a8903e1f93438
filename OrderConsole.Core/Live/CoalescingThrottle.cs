using Microsoft.Extensions.Logging;

namespace OrderConsole.Core.Live;

/// <summary>
/// Runs an action at most once per interval. A signal while a run is already scheduled joins that run,
/// so a burst of changes becomes one re-render instead of a render storm.
/// </summary>
public sealed class CoalescingThrottle(Func<Task> action, TimeSpan minInterval, TimeProvider clock, ILogger logger) : IDisposable
{
    private int _scheduled;
    private long _lastRunTimestamp;
    private volatile bool _disposed;

    public void Signal()
    {
        if (_disposed || Interlocked.Exchange(ref _scheduled, 1) == 1)
        {
            return;
        }

        _ = Task.Run(RunAsync);
    }

    public void Dispose() => _disposed = true;

    private async Task RunAsync()
    {
        var last = Interlocked.Read(ref _lastRunTimestamp);
        var wait = last == 0 ? TimeSpan.Zero : minInterval - clock.GetElapsedTime(last);
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, clock);
        }

        // Clear the flag before running: a change that lands during the run schedules the next one.
        Volatile.Write(ref _scheduled, 0);
        if (_disposed)
        {
            return;
        }

        Interlocked.Exchange(ref _lastRunTimestamp, clock.GetTimestamp());
        try
        {
            await action();
        }
        catch (Exception exception)
        {
            logger.LogWarning(exception, "A live-update subscriber failed; it stays subscribed");
        }
    }
}
