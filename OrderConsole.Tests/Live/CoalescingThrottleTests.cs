using Microsoft.Extensions.Logging.Abstractions;
using OrderConsole.Core.Live;
using OrderConsole.Tests.Support;

namespace OrderConsole.Tests.Live;

/// <summary>
/// The throttle behind every live re-render: a burst of signals becomes one or two runs. Its interval
/// runs on a manual clock, so "later" is whenever the test advances it.
/// </summary>
public sealed class CoalescingThrottleTests
{
    private static readonly TimeSpan s_interval = TimeSpan.FromMilliseconds(100);

    private readonly ManualClock _clock = new();
    private readonly CallCounter _runs = new();

    [Fact]
    public async Task A_burst_of_signals_runs_the_action_once_or_twice()
    {
        using var throttle = NewThrottle(_runs.Callback);

        for (var i = 0; i < 1_000; i++)
        {
            throttle.Signal();
        }

        await Eventually.HoldsAsync(() => _runs.Count >= 1, "the action runs");
        _clock.Advance(TimeSpan.FromSeconds(1));
        await Eventually.SettleAsync();

        Assert.InRange(_runs.Count, 1, 2);
    }

    [Fact]
    public async Task A_signal_while_a_run_waits_its_turn_joins_that_run()
    {
        using var throttle = NewThrottle(_runs.Callback);
        throttle.Signal();
        await Eventually.HoldsAsync(() => _runs.Count == 1, "the first run");

        throttle.Signal();
        throttle.Signal();
        throttle.Signal();
        await Eventually.SettleAsync();
        Assert.Equal(1, _runs.Count);

        _clock.Advance(s_interval);
        await Eventually.HoldsAsync(() => _runs.Count == 2, "the second run");
        await Eventually.SettleAsync();
        Assert.Equal(2, _runs.Count);
    }

    [Fact]
    public async Task A_signal_after_the_interval_runs_again()
    {
        using var throttle = NewThrottle(_runs.Callback);
        throttle.Signal();
        await Eventually.HoldsAsync(() => _runs.Count == 1, "the first run");

        _clock.Advance(TimeSpan.FromSeconds(1));
        throttle.Signal();

        await Eventually.HoldsAsync(() => _runs.Count == 2, "the second run");
    }

    [Fact]
    public async Task Disposing_stops_further_runs()
    {
        var throttle = NewThrottle(_runs.Callback);
        throttle.Signal();
        await Eventually.HoldsAsync(() => _runs.Count == 1, "the first run");

        throttle.Dispose();
        _clock.Advance(TimeSpan.FromSeconds(1));
        throttle.Signal();
        await Eventually.SettleAsync();

        Assert.Equal(1, _runs.Count);
    }

    [Fact]
    public async Task Disposing_drops_a_run_that_is_waiting_its_turn()
    {
        var throttle = NewThrottle(_runs.Callback);
        throttle.Signal();
        await Eventually.HoldsAsync(() => _runs.Count == 1, "the first run");
        throttle.Signal();

        throttle.Dispose();
        _clock.Advance(TimeSpan.FromSeconds(1));
        await Eventually.SettleAsync();

        Assert.Equal(1, _runs.Count);
    }

    [Fact]
    public async Task A_failing_action_does_not_stop_later_runs()
    {
        var attempts = 0;
        using var throttle = NewThrottle(() => Interlocked.Increment(ref attempts) == 1 ? throw new InvalidOperationException("render failed") : Task.CompletedTask);
        throttle.Signal();
        await Eventually.HoldsAsync(() => Volatile.Read(ref attempts) == 1, "the failing run");

        _clock.Advance(TimeSpan.FromSeconds(1));
        throttle.Signal();

        await Eventually.HoldsAsync(() => Volatile.Read(ref attempts) == 2, "the next run");
    }

    [Fact]
    public async Task A_run_its_owner_marked_makes_the_next_signal_wait_its_interval()
    {
        using var throttle = NewThrottle(_runs.Callback);

        throttle.MarkRun();
        throttle.Signal();
        await Eventually.SettleAsync();
        Assert.Equal(0, _runs.Count);

        _clock.Advance(s_interval);
        await Eventually.HoldsAsync(() => _runs.Count == 1, "the run an interval later");
    }

    [Fact]
    public async Task Throttles_on_one_clock_run_as_each_falls_due()
    {
        var slow = new CallCounter();
        using var fast = await WaitingThrottleAsync(_runs, s_interval);
        using var slowThrottle = await WaitingThrottleAsync(slow, TimeSpan.FromMilliseconds(300));

        _clock.Advance(s_interval);
        await Eventually.HoldsAsync(() => _runs.Count == 2, "the throttle due first runs");
        await Eventually.SettleAsync();
        Assert.Equal(1, slow.Count);

        _clock.Advance(TimeSpan.FromMilliseconds(200));
        await Eventually.HoldsAsync(() => slow.Count == 2, "the throttle due later runs");
    }

    [Fact]
    public async Task A_run_due_sooner_than_one_already_waiting_is_not_held_back_by_it()
    {
        var slow = new CallCounter();
        using var slowThrottle = await WaitingThrottleAsync(slow, TimeSpan.FromSeconds(10));
        using var fast = await WaitingThrottleAsync(_runs, s_interval);

        _clock.Advance(s_interval);

        await Eventually.HoldsAsync(() => _runs.Count == 2, "the sooner run");
        Assert.Equal(1, slow.Count);
    }

    [Fact]
    public async Task Runs_due_within_a_few_milliseconds_of_a_firing_go_with_it()
    {
        var close = new CallCounter();
        using var first = await WaitingThrottleAsync(_runs, s_interval);
        using var closeBehind = await WaitingThrottleAsync(close, s_interval + TimeSpan.FromMilliseconds(3));

        _clock.Advance(s_interval);

        await Eventually.HoldsAsync(() => _runs.Count == 2 && close.Count == 2, "both runs at the one firing");
    }

    /// <summary>A throttle that has just run once and been signalled again, so its next run waits its interval.</summary>
    private async Task<CoalescingThrottle> WaitingThrottleAsync(CallCounter runs, TimeSpan interval)
    {
        var throttle = new CoalescingThrottle(runs.Callback, interval, _clock, NullLogger.Instance);
        throttle.Signal();
        await Eventually.HoldsAsync(() => runs.Count == 1, "the first run");
        throttle.Signal();
        return throttle;
    }

    private CoalescingThrottle NewThrottle(Func<Task> action) => new(action, s_interval, _clock, NullLogger.Instance);
}
