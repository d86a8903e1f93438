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

    // Runs due within this much of a firing go with it. A thousand pages' intervals end at a thousand different moments:
    // fired for each, the one timer went off and was re-armed thousands of times a second, and the runtime's timer
    // thread woke for every one. A run a few milliseconds early is still a burst coalesced into one.
    private static readonly TimeSpan s_together = TimeSpan.FromMilliseconds(5);

    private readonly TimeProvider _clock;
    private readonly ITimer _timer;
    private readonly Lock _lock = new();
    private readonly PriorityQueue<CoalescingThrottle, long> _waiting = new();
    private long _armedFor = long.MaxValue;

    private readonly long _togetherTicks;

    private ThrottleSchedule(TimeProvider clock)
    {
        _clock = clock;
        _togetherTicks = (long)(s_together.TotalSeconds * clock.TimestampFrequency);
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
        lock (_lock)
        {
            // Queueing a run to the pool is cheap enough to do under the lock, and spares a list of the due runs per tick.
            var now = _clock.GetTimestamp();
            while (_waiting.TryPeek(out _, out var at) && at <= now + _togetherTicks)
            {
                _waiting.Dequeue().QueueRun();
            }

            _armedFor = long.MaxValue;
            if (_waiting.TryPeek(out _, out var next))
            {
                Arm(next, now);
            }
        }
    }

    private void Arm(long due, long now)
    {
        _armedFor = due;
        _timer.Change(TimeSpan.FromSeconds(Math.Max(0, due - now) / (double)_clock.TimestampFrequency), Timeout.InfiniteTimeSpan);
    }
}
