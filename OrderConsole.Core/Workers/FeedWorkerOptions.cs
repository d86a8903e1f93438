namespace OrderConsole.Core.Workers;

/// <summary>How the feed workers run (configuration section <c>Workers</c>).</summary>
public sealed class FeedWorkerOptions
{
    /// <summary>Run the workers in this instance (default); false leaves them to other instances.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Run only the workers: the instance serves no pages or APIs besides health and metrics.</summary>
    public bool Only { get; set; }

    /// <summary>This instance's consumer name in every group; empty: the instance name, the process id and a random suffix.</summary>
    public string ConsumerName { get; set; } = string.Empty;

    /// <summary>How many entries one read takes.</summary>
    public int BatchSize { get; set; } = 100;

    /// <summary>How long an idle worker waits before looking anyway, in case a wake-up was lost.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long an entry stays pending with a consumer before another may claim it (<c>XAUTOCLAIM</c>): longer than any one effect takes.</summary>
    public TimeSpan ClaimIdleTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How often a worker looks for entries left pending by a consumer that went away.</summary>
    public TimeSpan ClaimInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a worker waits before trying again an event whose effect failed.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>After this many failed attempts an event goes to the worker's dead letters and the worker moves on.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>About how many dead letters each worker keeps.</summary>
    public int DeadLetterMaxLength { get; set; } = 10_000;

    /// <summary>How often each worker's lag, pending entries and dead letters are measured for the dashboard and metrics.</summary>
    public TimeSpan StatusInterval { get; set; } = TimeSpan.FromSeconds(1);
}
