namespace OrderConsole.Hubs;

/// <summary>The hub's settings (section <c>Hub</c>): position limits and how long the relay's send marks last.</summary>
public sealed class HubOptions
{
    /// <summary>A driver reports at most once per this interval.</summary>
    public TimeSpan PositionInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>A reporting driver's position is written to the store at most once per this interval.</summary>
    public TimeSpan PositionStoreInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long an event's "sent" mark is kept: far longer than any takeover takes.</summary>
    public TimeSpan SentMarkLifetime { get; set; } = TimeSpan.FromHours(1);
}
