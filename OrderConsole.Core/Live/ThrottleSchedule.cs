using System.Runtime.CompilerServices;

namespace OrderConsole.Core.Live;

/// <summary>
/// The runs every throttle on one clock holds back until their interval has passed, due soonest first, behind a single
/// timer. At a thousand open pages a timer per page meant a thousand timers re-armed and fired on every change, and the
/// runtime's timer queue lock taken for each; here the one timer fires once for all the runs due together.
/// </summary>
internal sealed class ThrottleSchedule
{
    private static readonly ConditionalWeakTable<TimeProvider, ThrottleSchedule> s_byClock = [];

    private readonly TimeProvider _clock;
    private readonly ITimer _timer;
    private readonly Lock _lock = new();
    private readonly PriorityQueue<CoalescingThrottle, long> _waiting = new();
    private long _armedFor = long.MaxValue;

    private ThrottleSchedule(TimeProvider clock)
    {
        _clock = clock;
        _timer = clock.CreateTimer(static state => ((ThrottleSchedule)state!).RunDue(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>The schedule of every throttle on <paramref name="clock"/>, made with the first of them.</summary>
    public static ThrottleSchedule For(TimeProvider clock) => s_byClock.GetValue(clock, static clock => new ThrottleSchedule(clock));

    /// <summary>Runs <paramref name="throttle"/> once <paramref name="wait"/> has passed.</summary>
    public void Add(CoalescingThrottle throttle, TimeSpan wait)
    {
        var now = _clock.GetTimestamp();
        var due = now + (long)(wait.TotalSeconds * _clock.TimestampFrequency);
        lock (_lock)
        {
            _waiting.Enqueue(throttle, due);
            if (due < _armedFor)
            {
                Arm(due, now);
            }
        }
    }

    private void RunDue()
    {
        List<CoalescingThrottle> due = [];
        lock (_lock)
        {
            var now = _clock.GetTimestamp();
            while (_waiting.TryPeek(out var throttle, out var at) && at <= now)
            {
                due.Add(_waiting.Dequeue());
            }

            _armedFor = long.MaxValue;
            if (_waiting.TryPeek(out _, out var next))
            {
                Arm(next, now);
            }
        }

        // Each run on a pool thread of its own: a run renders on its page's circuit, and the pages render side by side.
        foreach (var throttle in due)
        {
            ThreadPool.UnsafeQueueUserWorkItem(static throttle => throttle.RunDue(), throttle, preferLocal: false);
        }
    }

    private void Arm(long due, long now)
    {
        _armedFor = due;
        _timer.Change(TimeSpan.FromSeconds(Math.Max(0, due - now) / (double)_clock.TimestampFrequency), Timeout.InfiniteTimeSpan);
    }
}
