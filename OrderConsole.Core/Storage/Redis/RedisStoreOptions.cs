namespace OrderConsole.Core.Storage.Redis;

/// <summary>How the Redis store lays out and bounds its data.</summary>
public sealed class RedisStoreOptions
{
    /// <summary>Starts every key, so several consoles (or tests) can share one Redis.</summary>
    public string KeyPrefix { get; set; } = "oc:";

    /// <summary>About how many events the global feed keeps (<c>XADD MAXLEN ~</c>).</summary>
    public int FeedMaxLength { get; set; } = 100_000;

    /// <summary>Trim the feed to exactly <see cref="FeedMaxLength"/> instead of about it (slower; for tests).</summary>
    public bool ExactFeedTrimming { get; set; }

    /// <summary>
    /// How long a feed reader with nothing new waits before reading anyway, in case a wake-up was lost (at most a second:
    /// the wake-up is the fast path, this only bounds how late a lost one makes a change).
    /// </summary>
    public TimeSpan FeedPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a command id is remembered, so a retry within this time applies once.</summary>
    public TimeSpan CommandIdLifetime { get; set; } = TimeSpan.FromHours(24);
}
