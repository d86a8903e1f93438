using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using OrderConsole.Core.Events;
using OrderConsole.Core.Live;
using OrderConsole.Core.Orders;
using OrderConsole.Core.Storage;

namespace OrderConsole.Tracking;

/// <summary>
/// Public tracking: finds an order by one of its public codes and tells what the public may see of it, once or
/// as it changes. A code's first lookup goes to the store, so it works on every instance the moment the order
/// exists; asked for again, it is answered from the read model and the view kept for the order's version.
/// </summary>
public sealed class OrderTracking(IOrderStore store, LiveOrders live)
{
    private const int RememberedCodes = 100_000;

    // A hot tracking code is asked for again and again: its order id and the order's view are kept, so a request
    // costs a look at the read model instead of the code lookup, history and driver reads.
    private readonly ConcurrentDictionary<string, Guid> _orderByCode = new(StringComparer.Ordinal);
    private readonly VersionedViews<PublicOrderView> _views = new();

    public Task<PublicOrderView?> FindByTrackingIdAsync(string trackingId, CancellationToken cancellationToken) =>
        ViewByCodeAsync(trackingId, order => order.TrackingId, store.FindByTrackingIdAsync, cancellationToken);

    /// <summary>The order behind a public link, or null for an unknown or malformed token.</summary>
    public Task<Order?> FindByTokenAsync(string token, CancellationToken cancellationToken) =>
        TrackingCodes.IsTrackingToken(token) ? store.FindByTrackingTokenAsync(token, cancellationToken) : Task.FromResult<Order?>(null);

    /// <summary>The public view of <paramref name="order"/> as it stands now.</summary>
    public async Task<PublicOrderView> ViewAsync(Order order, CancellationToken cancellationToken) =>
        (await CurrentAsync(order.Id, order, cancellationToken)).View;

    /// <summary>
    /// The order's public view now, then again after each change of the order (or, while it is in transit, of
    /// its driver), until it is final. Changes of other orders never reach it. Ends when
    /// <paramref name="cancellationToken"/> fires, and the live subscription ends with it.
    /// </summary>
    public async IAsyncEnumerable<PublicOrderView> FollowAsync(Guid orderId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var followed = new FollowedDriver();

        // One pending "something changed" is enough: a burst of changes collapses into one fresh view.
        using var changed = live.Watch(LiveFilter.Order(orderId).Or(LiveFilter.Driver(() => followed.Id)));

        string? shown = null;
        while (true)
        {
            var (order, view) = await CurrentAsync(orderId, known: null, cancellationToken);
            followed.Id = order.Status == OrderStatus.InTransit ? order.DriverId : null;
            var json = WireJson.Serialize(view);
            if (json != shown)
            {
                shown = json;
                yield return view;
            }

            if (view.Final)
            {
                yield break;
            }

            await changed.WaitAsync(cancellationToken);
        }
    }

    private async Task<(Order Order, PublicOrderView View)> CurrentAsync(Guid orderId, Order? known, CancellationToken cancellationToken)
    {
        var history = await store.GetHistoryAsync(orderId, cancellationToken);

        // The store, its history and the read model may each be a change ahead of the others; the newest wins.
        Order?[] candidates = [known, history.LastOrDefault(change => change.Order is not null)?.Order, live.Find(orderId)];
        var order = candidates.OfType<Order>().MaxBy(candidate => candidate.Version)
            ?? await store.GetAsync(orderId, cancellationToken)
            ?? throw new OrderNotFoundException(orderId.ToString());
        var driver = order is { Status: OrderStatus.InTransit, DriverId: { } driverId }
            ? await store.GetDriverAsync(driverId, cancellationToken)
            : null;
        var view = PublicOrderView.From(order, driver, history);
        _views.Keep(order.Id, order.Version, driver?.UpdatedAt, view);
        return (order, view);
    }

    private async Task<PublicOrderView?> ViewByCodeAsync(
        string code, Func<Order, string> codeOf, Func<string, CancellationToken, Task<Order?>> findByCode, CancellationToken cancellationToken)
    {
        // Customers follow from the read model, as every page does: a change shows here within the feed lag.
        var remembered = _orderByCode.TryGetValue(code, out var orderId);
        if (remembered && live.Find(orderId) is { } current && codeOf(current) == code
            && _views.Find(current.Id, current.Version, DriverUpdate(current)) is { } kept)
        {
            return kept;
        }

        var order = remembered && await store.GetAsync(orderId, cancellationToken) is { } known && codeOf(known) == code
            ? known
            : await findByCode(code, cancellationToken);
        if (order is null)
        {
            return null;
        }

        if (_orderByCode.Count >= RememberedCodes)
        {
            _orderByCode.Clear();
        }

        _orderByCode[code] = order.Id;
        return _views.Find(order.Id, order.Version, DriverUpdate(order)) ?? (await CurrentAsync(order.Id, order, cancellationToken)).View;
    }

    /// <summary>The driver update a view of <paramref name="order"/> depends on: their position shows only in transit.</summary>
    private DateTimeOffset? DriverUpdate(Order order) =>
        order is { Status: OrderStatus.InTransit, DriverId: { } driverId } ? live.FindDriver(driverId)?.UpdatedAt : null;

    /// <summary>The driver whose moves a stream follows; written by the stream, read by the live model's thread.</summary>
    private sealed class FollowedDriver
    {
        private volatile string? _id;

        public string? Id
        {
            get => _id;
            set => _id = value;
        }
    }
}
