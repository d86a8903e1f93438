namespace OrderConsole.Hubs.Relay;

/// <summary>
/// Names the feed event (and which of its sends) the hub messages published inside it belong to, so the backplane's
/// publish can be made conditional on that send's mark (<see cref="MarkedPublishing"/>). Outside a scope, publishes are plain.
/// </summary>
public sealed class RelayScope : IDisposable
{
    private static readonly AsyncLocal<RelayScope?> s_current = new();

    private readonly RelayScope? _outer;

    private RelayScope(string eventId, string send)
    {
        EventId = eventId;
        Send = send;
        _outer = s_current.Value;
    }

    public static RelayScope? Current => s_current.Value;

    public string EventId { get; }

    public string Send { get; }

    public static RelayScope Begin(string eventId, string send)
    {
        var scope = new RelayScope(eventId, send);
        s_current.Value = scope;
        return scope;
    }

    public void Dispose() => s_current.Value = _outer;
}
