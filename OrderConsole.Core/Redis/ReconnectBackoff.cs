namespace OrderConsole.Core.Redis;

/// <summary>Exponential backoff with jitter, so many clients that lost the same server do not return in lock-step.</summary>
internal static class ReconnectBackoff
{
    public static TimeSpan Delay(int attempt, TimeSpan min, TimeSpan max)
    {
        // Double per attempt up to the cap, then pick uniformly from the upper half: growth is kept, lock-step is broken.
        var ceiling = Math.Min(max.Ticks, min.Ticks * Math.Pow(2, Math.Min(attempt, 30)));
        var jittered = (ceiling / 2) + (Random.Shared.NextDouble() * ceiling / 2);
        return TimeSpan.FromTicks((long)jittered);
    }
}
