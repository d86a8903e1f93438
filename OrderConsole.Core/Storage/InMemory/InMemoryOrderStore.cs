using OrderConsole.Core.Drivers;
using OrderConsole.Core.Events;
using OrderConsole.Core.Orders;
using OrderConsole.Core.Storage.Journal;
using OrderConsole.Core.Suppliers;
using OrderConsole.Core.Settings;

namespace OrderConsole.Core.Storage.InMemory;

/// <summary>
/// The embedded store for a single instance. Writes are serialized by one lock and check everything before
/// changing anything; reads see immutable snapshots. With a <see cref="StoreJournal"/> each write is appended
/// to it as one record (see InMemoryOrderStore.Journal.cs) and the data outlives the process; without one it
/// lives as long as the process.
/// </summary>
public sealed partial class InMemoryOrderStore(TimeProvider clock, InMemoryFeed feed, StoreJournal? journal = null) : IOrderStore
{
    private const int RememberedCommands = 10_000;

    private readonly Lock _write = new();
    private readonly Dictionary<Guid, Order> _orders = [];
    private readonly Dictionary<Guid, List<OrderEvent>> _history = [];
    private readonly Dictionary<string, Guid> _byTrackingId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Guid> _byToken = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Guid> _bySupplierTrackingId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _supplierSequences = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Supplier> _suppliers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Driver> _drivers = new(StringComparer.Ordinal);
    private readonly RememberedResults<Order> _commandResults = new(RememberedCommands);
    private readonly RememberedResults<AppliedBatch> _batchResults = new(RememberedCommands);
    private readonly HashSet<string> _claims = new(StringComparer.Ordinal);
    private ConsoleSettings? _settings;

    public InMemoryOrderStore(TimeProvider clock)
        : this(clock, new InMemoryFeed())
    {
    }

    /// <summary>The feed this store appends to.</summary>
    public IOrderFeed Feed => feed;

    public Task<Order> CreateAsync(Order order, Supplier supplier, string actor, string commandId, CancellationToken cancellationToken = default)
    {
        lock (_write)
        {
            if (_commandResults.Find(commandId) is { } earlier)
            {
                return Task.FromResult(earlier);
            }

            if (_orders.ContainsKey(order.Id) || _byTrackingId.ContainsKey(order.TrackingId))
            {
                throw new DuplicateTrackingCodeException(order.TrackingId);
            }

            if (_byToken.ContainsKey(order.TrackingToken))
            {
                throw new DuplicateTrackingCodeException("token");
            }

            var sequence = _supplierSequences.GetValueOrDefault(supplier.Id) + 1;
            _supplierSequences[supplier.Id] = sequence;
            var stored = order with { SupplierTrackingId = TrackingCodes.SupplierTrackingId(supplier.TrackingPrefix, sequence) };

            _orders[stored.Id] = stored;
            _byTrackingId[stored.TrackingId] = stored.Id;
            _byToken[stored.TrackingToken] = stored.Id;
            _bySupplierTrackingId[stored.SupplierTrackingId] = stored.Id;
            _history[stored.Id] = [];
            Record(Kinds.Sequence.Of(new SupplierSequence(supplier.Id, sequence)));
            AppendOrderEvent(OrderEventTypes.Created, stored, actor, correlationId: null);
            _commandResults.Remember(commandId, stored);
            Record(Kinds.Command.Of(new RememberedOrder(commandId, stored)));
            Commit();
            return Task.FromResult(stored);
        }
    }

    public Task<Order> ApplyAsync(OrderTransition transition, CancellationToken cancellationToken = default)
    {
        lock (_write)
        {
            if (_commandResults.Find(transition.CommandId) is { } earlier)
            {
                return Task.FromResult(earlier);
            }

            var drivers = Check(transition, _orders.GetValueOrDefault(transition.Next.Id), _drivers.GetValueOrDefault);
            var stock = CheckStock(transition, _stock.GetValueOrDefault, _discountUses.GetValueOrDefault);

            // Every check has passed; only now does anything change.
            Write(transition, drivers, transition.CorrelationId);
            WriteStock(stock);
            _commandResults.Remember(transition.CommandId, transition.Next);
            Record(Kinds.Command.Of(new RememberedOrder(transition.CommandId, transition.Next)));
            Commit();
            return Task.FromResult(transition.Next);
        }
    }

    public Task<AppliedBatch> ApplyBatchAsync(
        IReadOnlyList<OrderTransition> transitions, string correlationId, string actor, string commandId, CancellationToken cancellationToken = default)
    {
        lock (_write)
        {
            if (_batchResults.Find(commandId) is { } earlier)
            {
                return Task.FromResult(earlier);
            }

            // Each transition is checked against the orders and drivers as the earlier ones leave them.
            var orders = new Dictionary<Guid, Order>();
            var drivers = new Dictionary<string, Driver>(StringComparer.Ordinal);
            var changedDrivers = new List<IReadOnlyList<Driver>>(transitions.Count);
            var levels = new Dictionary<(string, string), StockLevel?>();
            var uses = new Dictionary<(string, string), int>();
            var changedStock = new List<StockEffects>(transitions.Count);
            for (var index = 0; index < transitions.Count; index++)
            {
                var transition = transitions[index];
                var orderId = transition.Next.Id;
                IReadOnlyList<Driver> changed;
                StockEffects stock;
                try
                {
                    changed = Check(
                        transition, orders.GetValueOrDefault(orderId) ?? _orders.GetValueOrDefault(orderId),
                        driverId => drivers.GetValueOrDefault(driverId) ?? _drivers.GetValueOrDefault(driverId));
                    stock = CheckStock(
                        transition, key => levels.TryGetValue(key, out var level) ? level : _stock.GetValueOrDefault(key),
                        key => uses.TryGetValue(key, out var count) ? count : _discountUses.GetValueOrDefault(key));
                }
                catch (OrderDomainException reason)
                {
                    var failed = new BatchFailedException(index, orderId, transition.ExpectedStatus, transition.Next.Status, reason);
                    Publish(OrderEvent.ForRolledBackBatch(correlationId, actor, clock.GetUtcNow(), failed.Message));
                    Commit();
                    throw failed;
                }

                orders[orderId] = transition.Next;
                foreach (var driver in changed)
                {
                    drivers[driver.Id] = driver;
                }

                changedDrivers.Add(changed);
                foreach (var record in stock.Levels)
                {
                    levels[(record.SupplierId, record.Key)] = record.Level;
                }

                if (stock.Use is { } use)
                {
                    uses[(use.SupplierId, use.Code)] = use.Uses;
                }

                changedStock.Add(stock);
            }

            // Every check has passed; only now does anything change.
            for (var index = 0; index < transitions.Count; index++)
            {
                Write(transitions[index], changedDrivers[index], correlationId);
                WriteStock(changedStock[index]);
            }

            var applied = new AppliedBatch(correlationId, clock.GetUtcNow(), [.. transitions.Select(transition => transition.Next)]);
            _batchResults.Remember(commandId, applied);
            Record(Kinds.Batch.Of(new RememberedBatch(commandId, applied)));
            Commit();
            return Task.FromResult(applied);
        }
    }

    public Task<AppliedBatch?> GetBatchResultAsync(string commandId, CancellationToken cancellationToken = default)
    {
        lock (_write)
        {
            return Task.FromResult(_batchResults.Find(commandId));
        }
    }

    public Task RecordRolledBackBatchAsync(string correlationId, string actor, string detail, CancellationToken cancellationToken = default)
    {
        lock (_write)
        {
            Publish(OrderEvent.ForRolledBackBatch(correlationId, actor, clock.GetUtcNow(), detail));
            Commit();
            return Task.CompletedTask;
        }
    }

    public Task<bool> RecordOrderNoteAsync(
        Guid orderId, string eventType, string detail, string actor, string commandId, string? correlationId, CancellationToken cancellationToken = default)
    {
        lock (_write)
        {
            if (_commandResults.Find(commandId) is not null)
            {
                return Task.FromResult(false);
            }

            var order = _orders.GetValueOrDefault(orderId) ?? throw new OrderNotFoundException(orderId.ToString());
            var note = OrderEvent.ForOrder(eventType, order, actor, correlationId) with { Timestamp = clock.GetUtcNow(), Detail = detail };
            _history[order.Id].Add(Publish(note));
            _commandResults.Remember(commandId, order);
            Record(Kinds.Command.Of(new RememberedOrder(commandId, order)));
            Commit();
            return Task.FromResult(true);
        }
    }

    public Task<Order?> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        lock (_write)
        {
            return Task.FromResult(_orders.GetValueOrDefault(id));
        }
    }

    public Task<Order?> GetCommandResultAsync(string commandId, CancellationToken cancellationToken = default)
    {
        lock (_write)
        {
            return Task.FromResult(_commandResults.Find(commandId));
        }
    }

    public Task<Order?> FindByTrackingIdAsync(string trackingId, CancellationToken cancellationToken = default) =>
        FindBy(_byTrackingId, trackingId);

    public Task<Order?> FindByTrackingTokenAsync(string trackingToken, CancellationToken cancellationToken = default) =>
        FindBy(_byToken, trackingToken);

    public Task<Order?> FindBySupplierTrackingIdAsync(string supplierTrackingId, CancellationToken cancellationToken = default) =>
        FindBy(_bySupplierTrackingId, supplierTrackingId);

    public Task<IReadOnlyList<Order>> ListAsync(OrderQuery query, CancellationToken cancellationToken = default)
    {
        lock (_write)
        {
            IReadOnlyList<Order> page = [.. OrderQuery.NewestFirst(_orders.Values.Where(query.Matches))
                .Skip(query.Offset)
                .Take(query.Limit)];
            return Task.FromResult(page);
        }
    }

    public Task<IReadOnlyDictionary<OrderStatus, long>> CountByStatusAsync(CancellationToken cancellationToken = default)
    {
        lock (_write)
        {
            IReadOnlyDictionary<OrderStatus, long> counts = OrderStatusNames.All.ToDictionary(
                status => status,
                status => (long)_orders.Values.Count(order => order.Status == status));
            return Task.FromResult(counts);
        }
    }

    public Task<IReadOnlyList<OrderEvent>> GetHistoryAsync(Guid orderId, CancellationToken cancellationToken = default)
    {
        lock (_write)
        {
            IReadOnlyList<OrderEvent> history = _history.TryGetValue(orderId, out var events) ? [.. events] : [];
            return Task.FromResult(history);
        }
    }

    public Task<IReadOnlyList<Supplier>> ListSuppliersAsync(CancellationToken cancellationToken = default)
    {
        lock (_write)
        {
            IReadOnlyList<Supplier> suppliers = [.. _suppliers.Values.OrderBy(supplier => supplier.Name, StringComparer.Ordinal)];
            return Task.FromResult(suppliers);
        }
    }

    public Task<Supplier> SaveSupplierAsync(Supplier supplier, string actor = "system", CancellationToken cancellationToken = default)
    {
        lock (_write)
        {
            var name = SupplierRules.NormalizedName(supplier.Name);
            var others = _suppliers.Values.Where(other => other.Id != supplier.Id).ToList();
            if (others.Any(other => SupplierRules.NormalizedName(other.Name) == name))
            {
                throw DirectoryConflictException.TakenName(supplier.Name);
            }

            if (others.Any(other => string.Equals(other.TrackingPrefix, supplier.TrackingPrefix, StringComparison.OrdinalIgnoreCase)))
            {
                throw DirectoryConflictException.TakenPrefix(supplier.TrackingPrefix);
            }

            // Every check has passed; only now does anything change.
            var now = clock.GetUtcNow();
            var stored = supplier;
            PutSupplier(stored, OrderEvent.ForSupplier(stored, actor, now));
            Commit();
            return Task.FromResult(stored);
        }
    }

    public Task<IReadOnlyList<Driver>> ListDriversAsync(CancellationToken cancellationToken = default)
    {
        lock (_write)
        {
            IReadOnlyList<Driver> drivers = [.. _drivers.Values.OrderBy(driver => driver.Name, StringComparer.Ordinal)];
            return Task.FromResult(drivers);
        }
    }

    public Task<Driver?> GetDriverAsync(string driverId, CancellationToken cancellationToken = default)
    {
        lock (_write)
        {
            return Task.FromResult(_drivers.GetValueOrDefault(driverId));
        }
    }

    public Task<IReadOnlyList<DriverDistance>> FindNearestAvailableDriversAsync(double latitude, double longitude, int count, CancellationToken cancellationToken = default)
    {
        lock (_write)
        {
            IReadOnlyList<DriverDistance> nearest = [.. _drivers.Values
                .Where(driver => driver is { Status: DriverStatus.Available, Latitude: not null, Longitude: not null })
                .Select(driver => new DriverDistance(driver, DriverDistance.Between(latitude, longitude, driver.Latitude!.Value, driver.Longitude!.Value)))
                .OrderBy(distance => distance.Kilometres)
                .Take(count)];
            return Task.FromResult(nearest);
        }
    }

    public Task<Driver> ReportDriverPositionAsync(string driverId, double latitude, double longitude, DateTimeOffset at, string actor, CancellationToken cancellationToken = default)
    {
        lock (_write)
        {
            var driver = _drivers.GetValueOrDefault(driverId) ?? throw TransitionChecks.NoDriver(driverId);
            var moved = driver with { Latitude = latitude, Longitude = longitude, LocationUpdatedAt = at, UpdatedAt = at };
            PutDriver(moved, actor);
            Commit();
            return Task.FromResult(moved);
        }
    }

    public Task<Driver> SaveDriverAsync(Driver driver, string actor, CancellationToken cancellationToken = default)
    {
        lock (_write)
        {
            var stored = driver with { UpdatedAt = clock.GetUtcNow() };
            PutDriver(stored, actor);
            Commit();
            return Task.FromResult(stored);
        }
    }

    public Task<Driver> ChangeDriverAsync(string driverId, DriverChange change, string actor, CancellationToken cancellationToken = default)
    {
        lock (_write)
        {
            var driver = _drivers.GetValueOrDefault(driverId) ?? throw TransitionChecks.NoDriver(driverId);
            var changed = change.ApplyTo(driver, clock.GetUtcNow());
            PutDriver(changed, actor);
            Commit();
            return Task.FromResult(changed);
        }
    }

    public Task<ConsoleSettings?> GetSettingsAsync(CancellationToken cancellationToken = default)
    {
        lock (_write)
        {
            return Task.FromResult(_settings);
        }
    }

    public Task<ConsoleSettings> SaveSettingsAsync(ConsoleSettings settings, string actor, CancellationToken cancellationToken = default)
    {
        lock (_write)
        {
            var stored = settings with { UpdatedAt = clock.GetUtcNow(), UpdatedBy = actor };
            KeepSettings(stored);
            Publish(OrderEvent.ForSettings(stored, actor));
            Record(Kinds.Settings.Of(stored));
            Commit();
            return Task.FromResult(stored);
        }
    }

    public Task<bool> ClaimOnceAsync(string purpose, CancellationToken cancellationToken = default)
    {
        lock (_write)
        {
            if (!_claims.Add(purpose))
            {
                return Task.FromResult(false);
            }

            Record(Kinds.Claim.Of(purpose));
            Commit();
            return Task.FromResult(true);
        }
    }

    /// <summary>The one place settings state changes (a journal replaying <c>settings.updated</c> calls this too). Under the write lock.</summary>
    private void KeepSettings(ConsoleSettings settings) => _settings = settings;

    private Task<Order?> FindBy(Dictionary<string, Guid> index, string code)
    {
        lock (_write)
        {
            return Task.FromResult(index.TryGetValue(code, out var id) ? _orders.GetValueOrDefault(id) : null);
        }
    }

    /// <summary>
    /// Checks one transition against the order and its drivers as they stand (or as a batch has left them so
    /// far), and returns the drivers as the transition will leave them. Writes nothing.
    /// </summary>
    private static IReadOnlyList<Driver> Check(OrderTransition transition, Order? current, Func<string, Driver?> findDriver)
    {
        TransitionChecks.Ensure(current, transition);
        var changed = new List<Driver>(transition.Drivers.Count);
        foreach (var assignment in transition.Drivers)
        {
            var driver = findDriver(assignment.DriverId) ?? throw TransitionChecks.NoDriver(assignment.DriverId);
            if (assignment.MustBeAvailable && driver.Status != DriverStatus.Available)
            {
                throw TransitionChecks.DriverNotAvailable(driver.Name, DriverRules.Words(driver.Status));
            }

            changed.Add(driver with { Status = assignment.Status, OrderId = assignment.OrderId, UpdatedAt = transition.Next.UpdatedAt });
        }

        return changed;
    }

    private void Write(OrderTransition transition, IReadOnlyList<Driver> drivers, string? correlationId)
    {
        var next = transition.Next;
        _orders[next.Id] = next;
        AppendOrderEvent(transition.EventType, next, transition.Actor, correlationId, transition.Detail);
        foreach (var driver in drivers)
        {
            PutDriver(driver, transition.Actor, correlationId);
        }
    }

    // The directory's state changes each go through one of these two, with the event that records them
    // (and, on a durable store, the journal record the write's Commit appends).
    private void PutSupplier(Supplier supplier, OrderEvent recorded)
    {
        _suppliers[supplier.Id] = supplier;
        Publish(recorded);
        Record(Kinds.Supplier.Of(supplier));
    }

    private void PutDriver(Driver driver, string actor, string? correlationId = null)
    {
        _drivers[driver.Id] = driver;
        Publish(OrderEvent.ForDriver(driver, actor, correlationId));
    }

    private void AppendOrderEvent(string eventType, Order order, string actor, string? correlationId, string? detail = null)
    {
        var appended = Publish(OrderEvent.ForOrder(eventType, order, actor, correlationId) with { Detail = detail });
        _history[order.Id].Add(appended);
    }

    /// <summary>Appends an event to the feed and to this write's journal record.</summary>
    private OrderEvent Publish(OrderEvent orderEvent)
    {
        var positioned = feed.Append(orderEvent);
        Record(Kinds.Event.Of(positioned));
        return positioned;
    }
}
