using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OrderConsole.Core.Drivers;
using OrderConsole.Core.Events;
using OrderConsole.Core.Observability;
using OrderConsole.Core.Orders;
using OrderConsole.Core.Storage;

namespace OrderConsole.Core.Live;

/// <summary>
/// The per-instance read model: active and recent orders, drivers and recent events, kept current by
/// tailing the store's feed. Pages read from here on every render and subscribe for changes; nothing
/// in the UI calls the store to render.
/// </summary>
public sealed class LiveOrders(IOrderStore store, IOrderFeed feed, TimeProvider clock, LiveOrdersOptions options, ILogger<LiveOrders> logger)
    : BackgroundService
{
    private static readonly TimeSpan s_retryDelay = TimeSpan.FromSeconds(1);

    private readonly ConcurrentDictionary<Guid, Order> _orders = new();
    private readonly ConcurrentDictionary<string, Driver> _drivers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Guid, OrderEvent> _notes = new();
    private volatile IReadOnlyList<Supplier> _suppliers = [];
    private volatile Settings.ConsoleSettings? _settings;
    private bool _snapshotNeeded = true;
    private bool _suppliersStale;
    private readonly ConcurrentDictionary<long, Subscription> _subscriptions = new();
    private readonly Lock _recentLock = new();
    private readonly Queue<OrderEvent> _recent = new();

    // Every open dashboard reads the recent events on every change: one newest-first copy per change, shared.
    private volatile IReadOnlyList<OrderEvent> _recentNewestFirst = [];
    private long _nextSubscriptionId;
    private string? _lastEventId;
    private long _lastReadTicks = clock.GetUtcNow().UtcTicks;
    private long _newestAppliedTicks;
    private volatile bool _caughtUp;
    private long _revision;
    private bool _forgotOlderFinished;
    private Revised<IReadOnlyList<Order>>? _newestFirst;
    private Revised<IReadOnlyDictionary<OrderStatus, int>>? _counts;
    private Revised<IReadOnlyList<Driver>>? _driversByName;
    private volatile Revised<DashboardFigures>? _figures;
    private static readonly TimeSpan s_figuresMaxAge = TimeSpan.FromSeconds(1);

    /// <summary>True while the last read of the feed succeeded.</summary>
    public bool IsFeedConnected { get; private set; }

    /// <summary>Whether the store holds finished orders older than the ones kept here (a list of them here is not all of them).</summary>
    public bool ForgotOlderFinishedOrders => Volatile.Read(ref _forgotOlderFinished);

    /// <summary>How many finished orders are kept here, newest first.</summary>
    public int KeptFinishedOrders => options.RecentFinishedOrders;

    /// <summary>When the newest applied event happened.</summary>
    public DateTimeOffset? LastEventAt { get; private set; }

    /// <summary>
    /// How far the read model trails the newest feed event: zero when the last read drained the feed, the
    /// age of the newest applied event while a backlog is being read, and the time since the last successful
    /// read while the feed cannot be read.
    /// </summary>
    public TimeSpan FeedLag
    {
        get
        {
            var now = clock.GetUtcNow().UtcTicks;
            long since;
            if (!IsFeedConnected)
            {
                since = Interlocked.Read(ref _lastReadTicks);
            }
            else if (_caughtUp)
            {
                return TimeSpan.Zero;
            }
            else
            {
                since = Interlocked.Read(ref _newestAppliedTicks);
            }

            return since == 0 ? TimeSpan.Zero : TimeSpan.FromTicks(Math.Max(0, now - since));
        }
    }

    /// <summary>
    /// Loads the snapshot before the app starts serving, so the first page render has data. If the store
    /// cannot be read now, the app starts anyway and the feed loop keeps trying.
    /// </summary>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await LoadSnapshotAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogWarning(exception, "The order snapshot could not be loaded at start-up; retrying in the background");
        }

        LiveMetrics.Observe(this);
        await base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        LiveMetrics.Forget(this);
        await base.StopAsync(cancellationToken);
    }

    public override void Dispose()
    {
        LiveMetrics.Forget(this);
        base.Dispose();
    }

    public Order? Find(Guid orderId) => _orders.GetValueOrDefault(orderId);

    public Driver? FindDriver(string driverId) => _drivers.GetValueOrDefault(driverId);

    /// <summary>
    /// The newest note a worker made about the order as it stands now (auto-dispatch found no driver nearby), or null;
    /// a later change of the order clears it. Notes made before this instance loaded its snapshot are in the order's history.
    /// </summary>
    public OrderEvent? CurrentNote(Guid orderId) =>
        _notes.TryGetValue(orderId, out var note) && _orders.TryGetValue(orderId, out var order) && order.Version == note.Version ? note : null;

    /// <summary>Orders matching <paramref name="predicate"/>, most recently changed first.</summary>
    /// <remarks>
    /// Every open page asks on every live change: the orders are sorted once per change of the read model and
    /// shared (read only), and a predicate only filters that list, keeping its order.
    /// </remarks>
    public IReadOnlyList<Order> Orders(Func<Order, bool>? predicate = null)
    {
        var newestFirst = NewestFirst();
        return predicate is null ? newestFirst : [.. newestFirst.Where(predicate)];
    }

    /// <summary>
    /// The dashboard's figures now, computed once per change of the read model (and at least every second, as the
    /// hours move on) and shared by every open dashboard.
    /// </summary>
    public DashboardFigures Figures()
    {
        var now = clock.GetUtcNow();
        var revision = Interlocked.Read(ref _revision);
        if (_figures is { } kept && kept.Revision == revision && now - kept.At < s_figuresMaxAge && now >= kept.At)
        {
            return kept.Value;
        }

        var figures = DashboardFigures.Compute(NewestFirst(), Drivers(), now);
        _figures = new Revised<DashboardFigures>(revision, now, figures);
        return figures;
    }

    private IReadOnlyList<Order> NewestFirst() =>
        PerRevision(ref _newestFirst, static self => (IReadOnlyList<Order>)[.. OrderQuery.NewestFirst(self._orders.Values)]);

    /// <summary>
    /// One value per read-model revision, made by the first caller and shared with the rest (every open page asks on
    /// every change). The revision is read before the value is made: a change landing meanwhile makes the next call
    /// make it again.
    /// </summary>
    private TValue PerRevision<TValue>(ref Revised<TValue>? kept, Func<LiveOrders, TValue> make)
    {
        var revision = Interlocked.Read(ref _revision);
        if (Volatile.Read(ref kept) is { } current && current.Revision == revision)
        {
            return current.Value;
        }

        var value = make(this);
        Volatile.Write(ref kept, new Revised<TValue>(revision, clock.GetUtcNow(), value));
        return value;
    }

    /// <summary>Every supplier, by name.</summary>
    public IReadOnlyList<Supplier> Suppliers() => _suppliers;

    /// <summary>The settings as last saved, following <c>settings.updated</c>; null until an admin first saves them.</summary>
    public Settings.ConsoleSettings? SavedSettings() => _settings;

    /// <summary>Every driver, by name; sorted once per change and shared.</summary>
    public IReadOnlyList<Driver> Drivers() =>
        PerRevision(ref _driversByName, static self => (IReadOnlyList<Driver>)[.. self._drivers.Values.OrderBy(driver => driver.Name, StringComparer.Ordinal)]);

    /// <summary>How many orders the read model holds in each status; counted once per change and shared, as every open list shows them.</summary>
    public IReadOnlyDictionary<OrderStatus, int> CountsByStatus() => PerRevision(ref _counts, static self =>
    {
        var counts = OrderStatusNames.All.ToDictionary(status => status, _ => 0);
        foreach (var order in self.NewestFirst())
        {
            counts[order.Status]++;
        }

        return (IReadOnlyDictionary<OrderStatus, int>)counts;
    });

    /// <summary>The newest events, newest first (bounded).</summary>
    public IReadOnlyList<OrderEvent> RecentEvents() => _recentNewestFirst;

    /// <summary>
    /// Calls <paramref name="onChange"/> after changes that match <paramref name="filter"/>, at most once per
    /// render interval. Dispose the result to stop; a page must, or this singleton keeps its circuit alive.
    /// </summary>
    public IDisposable Subscribe(LiveFilter filter, Func<Task> onChange) => Subscribe(filter, _ => onChange());

    /// <summary>
    /// As <see cref="Subscribe(LiveFilter, Func{Task})"/>; the callback receives when the newest matching event
    /// since its previous call was committed, or null when it runs for a reconnect or a reloaded snapshot.
    /// </summary>
    public IDisposable Subscribe(LiveFilter filter, Func<DateTimeOffset?, Task> onChange)
    {
        var id = Interlocked.Increment(ref _nextSubscriptionId);
        var subscription = new Subscription(this, id, filter);
        subscription.Throttle = new CoalescingThrottle(() => onChange(subscription.TakeTrigger()), options.MinRenderInterval, clock, logger);
        _subscriptions[id] = subscription;
        return subscription;
    }

    /// <summary>A wake-up on each change matching <paramref name="filter"/>; dispose it when the loop ends.</summary>
    public LiveChanges Watch(LiveFilter filter) => new(this, filter);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (_snapshotNeeded)
                {
                    await LoadSnapshotAsync(stoppingToken);
                    NotifyAll();
                }

                var batch = await feed.ReadAfterAsync(_lastEventId, options.FeedBatchSize, options.FeedWait, stoppingToken);
                Interlocked.Exchange(ref _lastReadTicks, clock.GetUtcNow().UtcTicks);
                _caughtUp = batch.Events.Count < options.FeedBatchSize;
                SetConnected(true);
                if (batch.Trimmed)
                {
                    logger.LogWarning("Feed position {EventId} was trimmed away; reloading the snapshot", _lastEventId);
                    await LoadSnapshotAsync(stoppingToken);
                    NotifyAll();
                    continue;
                }

                Apply(batch.Events);
                if (_suppliersStale)
                {
                    _suppliers = await store.ListSuppliersAsync(stoppingToken);
                    _suppliersStale = false;
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                logger.LogWarning(exception, "Reading the order feed failed; retrying from {EventId}", _lastEventId);
                SetConnected(false);
                await Task.Delay(s_retryDelay, clock, stoppingToken);
            }
        }
    }

    private async Task LoadSnapshotAsync(CancellationToken cancellationToken)
    {
        // Read the feed position first: whatever lands while the snapshot loads is replayed after it,
        // and replaying is harmless because older versions never replace newer ones.
        var position = await feed.GetLatestEventIdAsync(cancellationToken);
        var active = await store.ListAsync(new OrderQuery { Statuses = [.. OrderStatusNames.All.Where(status => !status.IsFinal())], Limit = int.MaxValue }, cancellationToken);
        // One more than is kept says whether there are older ones.
        var finished = await store.ListAsync(new OrderQuery { Statuses = [.. OrderStatusNames.All.Where(status => status.IsFinal())], Limit = (int)Math.Min(int.MaxValue, options.RecentFinishedOrders + 1L) }, cancellationToken);
        Volatile.Write(ref _forgotOlderFinished, finished.Count > options.RecentFinishedOrders);
        finished = [.. finished.Take(options.RecentFinishedOrders)];
        var drivers = await store.ListDriversAsync(cancellationToken);
        _suppliers = await store.ListSuppliersAsync(cancellationToken);
        _settings = await store.GetSettingsAsync(cancellationToken);

        _orders.Clear();
        foreach (var order in active.Concat(finished))
        {
            _orders[order.Id] = order;
        }

        _drivers.Clear();
        foreach (var driver in drivers)
        {
            _drivers[driver.Id] = driver;
        }

        Interlocked.Increment(ref _revision);
        _lastEventId = position;
        _snapshotNeeded = false;
        Interlocked.Exchange(ref _lastReadTicks, clock.GetUtcNow().UtcTicks);
        _caughtUp = true;
        SetConnected(true);
    }

    private void Apply(IReadOnlyList<OrderEvent> events)
    {
        var finishedAny = false;
        foreach (var change in events)
        {
            Order? previous = null;
            if (change.Order is { } order)
            {
                previous = _orders.GetValueOrDefault(order.Id);
                if (OrderEventTypes.IsNote(change.EventType))
                {
                    _notes[order.Id] = change;
                }
                else if (previous is not null && previous.Version >= order.Version)
                {
                    _lastEventId = change.EventId;
                    continue;
                }
                else
                {
                    _orders[order.Id] = order;
                    _notes.TryRemove(order.Id, out _);
                }

                finishedAny |= order.Status.IsFinal();
                _suppliersStale |= previous is null && !_suppliers.Any(supplier => supplier.Id == order.SupplierId);
            }

            if (change.Driver is { } driver)
            {
                _drivers[driver.Id] = driver;
            }

            if (change.Supplier is { } supplier)
            {
                _suppliers = [.. _suppliers.Where(known => known.Id != supplier.Id).Append(supplier).OrderBy(known => known.Name, StringComparer.Ordinal)];
            }

            if (change.Settings is { } settings)
            {
                _settings = settings;
            }

            Interlocked.Increment(ref _revision);
            Remember(change);
            _lastEventId = change.EventId;
            LastEventAt = change.Timestamp;
            Interlocked.Exchange(ref _newestAppliedTicks, change.Timestamp.UtcTicks);
            foreach (var subscription in _subscriptions.Values)
            {
                if (subscription.Filter.Matches(change, previous))
                {
                    subscription.Triggered(change.Timestamp);
                    subscription.Throttle.Signal();
                }
            }
        }

        if (finishedAny)
        {
            EvictOldFinishedOrders();
        }
    }

    private void Remember(OrderEvent change)
    {
        lock (_recentLock)
        {
            _recent.Enqueue(change);
            while (_recent.Count > options.RecentEvents)
            {
                _recent.Dequeue();
            }

            _recentNewestFirst = Array.AsReadOnly(_recent.Reverse().ToArray());
        }
    }

    private void EvictOldFinishedOrders()
    {
        var finished = _orders.Values.Where(order => order.Status.IsFinal()).ToList();
        var excess = finished.Count - options.RecentFinishedOrders;
        if (excess <= 0)
        {
            return;
        }

        foreach (var order in finished.OrderBy(order => order.UpdatedAt).Take(excess))
        {
            _orders.TryRemove(order.Id, out _);
        }

        Volatile.Write(ref _forgotOlderFinished, true);

        Interlocked.Increment(ref _revision);
    }

    private void SetConnected(bool connected)
    {
        if (IsFeedConnected == connected)
        {
            return;
        }

        IsFeedConnected = connected;
        NotifyAll();
    }

    private void NotifyAll()
    {
        foreach (var subscription in _subscriptions.Values)
        {
            subscription.Throttle.Signal();
        }
    }

    /// <summary>A view of the read model at one revision.</summary>
    private sealed record Revised<TValue>(long Revision, DateTimeOffset At, TValue Value);

    private sealed class Subscription(LiveOrders owner, long id, LiveFilter filter) : IDisposable
    {
        private long _triggerTicks;

        public LiveFilter Filter => filter;

        public CoalescingThrottle Throttle { get; set; } = default!;

        /// <summary>Remembers the newest matching event's commit time until the next callback takes it.</summary>
        public void Triggered(DateTimeOffset committedAt)
        {
            var ticks = committedAt.UtcTicks;
            var seen = Interlocked.Read(ref _triggerTicks);
            while (ticks > seen)
            {
                var previous = Interlocked.CompareExchange(ref _triggerTicks, ticks, seen);
                if (previous == seen)
                {
                    return;
                }

                seen = previous;
            }
        }

        public DateTimeOffset? TakeTrigger()
        {
            var ticks = Interlocked.Exchange(ref _triggerTicks, 0);
            return ticks == 0 ? null : new DateTimeOffset(ticks, TimeSpan.Zero);
        }

        public void Dispose()
        {
            Throttle.Dispose();
            owner._subscriptions.TryRemove(id, out _);
        }
    }
}
