using System.Collections.Concurrent;

namespace OrderConsole.Core.Live;

/// <summary>
/// Views computed from one order at one version (and, where a view shows the driver's position, one driver
/// update): a much-read order's view is built once per change instead of once per request. Bounded: past
/// <paramref name="capacity"/> orders it starts afresh, which costs only rebuilding.
/// </summary>
public sealed class VersionedViews<TView>(int capacity = 50_000)
    where TView : class
{
    private readonly ConcurrentDictionary<Guid, Entry> _views = new();

    /// <summary>The view kept for this order at exactly this version and driver update, if any.</summary>
    public TView? Find(Guid orderId, long version, DateTimeOffset? driverUpdate = null) =>
        _views.TryGetValue(orderId, out var entry) && entry.Version == version && entry.DriverUpdate == driverUpdate ? entry.View : null;

    public void Keep(Guid orderId, long version, DateTimeOffset? driverUpdate, TView view)
    {
        if (_views.Count >= capacity)
        {
            _views.Clear();
        }

        _views[orderId] = new Entry(version, driverUpdate, view);
    }

    private sealed record Entry(long Version, DateTimeOffset? DriverUpdate, TView View);
}
