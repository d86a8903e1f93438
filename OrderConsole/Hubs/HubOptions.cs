namespace OrderConsole.Hubs;

/// <summary>The hub's settings (section <c>Hub</c>): position limits and the relay's timing.</summary>
public sealed class HubOptions
{
    /// <summary>A driver reports at most once per this interval.</summary>
    public TimeSpan PositionInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>A reporting driver's position is written to the store at most once per this interval.</summary>
    public TimeSpan PositionStoreInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long the relaying instance's lease lasts without renewal: how soon another takes over when it dies.</summary>
    public TimeSpan RelayLease { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>How long an event's "sent" mark is kept: far longer than any takeover takes.</summary>
    public TimeSpan SentMarkLifetime { get; set; } = TimeSpan.FromHours(1);
}
