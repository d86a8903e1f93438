using Microsoft.Extensions.Logging;

namespace OrderConsole.Core.Live;

/// <summary>
/// Runs an action at most once per interval. A signal while a run is already scheduled joins that run,
/// so a burst of changes becomes one re-render instead of a render storm.
/// </summary>
/// <remarks>
/// Every open page has one, signalled on every change it shows: a signal makes no task and no timer. A run that is due
/// goes straight to the thread pool; one that must wait its turn joins the clock's <see cref="ThrottleSchedule"/>,
/// one timer for every throttle.
/// </remarks>
public sealed class CoalescingThrottle(Func<Task> action, TimeSpan minInterval, TimeProvider clock, ILogger logger) : IDisposable
{
    private int _scheduled;
    private long _lastRunTimestamp;
    private readonly ThrottleSchedule _schedule = ThrottleSchedule.For(clock);
    private volatile bool _disposed;

    public void Signal()
    {
        if (_disposed || Interlocked.Exchange(ref _scheduled, 1) == 1)
        {
            return;
        }

        // Only the signal that scheduled the run gets here until that run starts, so a throttle waits in the schedule once.
        var last = Interlocked.Read(ref _lastRunTimestamp);
        var wait = last == 0 ? TimeSpan.Zero : minInterval - clock.GetElapsedTime(last);
        if (wait <= TimeSpan.Zero)
        {
            QueueRun();
            return;
        }

        _schedule.Add(this, wait);
    }

    /// <summary>Counts a run the owner made itself (drawing inline what the action would draw): the next waits its interval from now.</summary>
    public void MarkRun() => Interlocked.Exchange(ref _lastRunTimestamp, clock.GetTimestamp());

    // A run still waiting in the schedule finds the throttle disposed and does nothing.
    public void Dispose() => _disposed = true;

    /// <summary>Starts the run on a pool thread of its own: a run renders on its page's circuit, and the pages render side by side.</summary>
    internal void QueueRun() => ThreadPool.UnsafeQueueUserWorkItem(static throttle => _ = throttle.RunAsync(), this, preferLocal: false);

    private async Task RunAsync()
    {
        // The run's time first, then clear the flag: a change that lands during the run schedules the next one, an
        // interval after this one.
        Interlocked.Exchange(ref _lastRunTimestamp, clock.GetTimestamp());
        Volatile.Write(ref _scheduled, 0);
        if (_disposed)
        {
            return;
        }

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
