namespace OrderConsole.Core.Webhooks;

/// <summary>How webhooks are delivered (configuration section <c>Webhooks</c>).</summary>
public sealed class WebhookOptions
{
    /// <summary>How long one POST may take before it counts as failed.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The wait after the first failure; it doubles after each further one (with jitter), up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(10);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>After this long since its first attempt a failing delivery goes to the dead letters.</summary>
    public TimeSpan RetryWindow { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How often due retries are looked for.</summary>
    public TimeSpan RetryPoll { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The shortest secret a subscription may have.</summary>
    public int MinSecretLength { get; set; } = 16;
}
