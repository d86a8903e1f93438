using OrderConsole.Core.Drivers;
using OrderConsole.Core.Events;
using OrderConsole.Core.Orders;
using OrderConsole.Core.Settings;
using OrderConsole.Core.Storage.Journal;

namespace OrderConsole.Core.Storage.InMemory;

/// <summary>
/// How the order store's state goes into the journal and comes back. A write appends one record holding its
/// changes: each feed event it appended (an order event carries the order, a driver event the driver), the
/// supplier sequence it drew, the command result it remembers. A compaction writes the state itself.
/// </summary>
public sealed partial class InMemoryOrderStore : IJournalled
{
    /// <summary>The order store's record kinds. Their names are on disk: add new ones, never rename.</summary>
    private static class Kinds
    {
        /// <summary>A feed event as appended; replaying it also sets its order (and history) or driver.</summary>
        public static readonly JournalKind<OrderEvent> Event = new("event");
        public static readonly JournalKind<SupplierSequence> Sequence = new("supplier_sequence");
        public static readonly JournalKind<RememberedOrder> Command = new("command_result");
        public static readonly JournalKind<RememberedBatch> Batch = new("batch_result");
        public static readonly JournalKind<Supplier> Supplier = new("supplier");
        public static readonly JournalKind<string> Claim = new("claim");
        public static readonly JournalKind<ConsoleSettings> Settings = new("settings");

        /// <summary>One item's stock level as a write left it (absolute, so replay and compaction agree).</summary>
        public static readonly JournalKind<StockRecord> Stock = new("stock");
        public static readonly JournalKind<DiscountUses> DiscountUses = new("discount_uses");

        // Compaction only: state the live records above imply.
        public static readonly JournalKind<StoredOrder> Order = new("order");
        public static readonly JournalKind<Driver> Driver = new("driver");
        public static readonly JournalKind<OrderEvent> FeedEvent = new("feed_event");
    }

    private readonly List<JournalChange> _pending = [];

    public void RegisterReplay(JournalReplay replay) => replay
        .On(Kinds.Event, ReplayEvent)
        .On(Kinds.Sequence, sequence => _supplierSequences[sequence.SupplierId] = Math.Max(sequence.Last, _supplierSequences.GetValueOrDefault(sequence.SupplierId)))
        .On(Kinds.Command, remembered => _commandResults.Remember(remembered.CommandId, remembered.Order))
        .On(Kinds.Batch, remembered => _batchResults.Remember(remembered.CommandId, remembered.Batch))
        .On(Kinds.Supplier, supplier => _suppliers[supplier.Id] = supplier)
        .On(Kinds.Claim, purpose => _claims.Add(purpose))
        .On(Kinds.Settings, KeepSettings)
        .On(Kinds.Stock, KeepStock)
        .On(Kinds.DiscountUses, KeepUses)
        .On(Kinds.Order, stored =>
        {
            SetOrder(stored.Order);
            _history[stored.Order.Id] = [.. stored.History];
        })
        .On(Kinds.Driver, driver => _drivers[driver.Id] = driver)
        .On(Kinds.FeedEvent, orderEvent => feed.Restore(orderEvent));

    public IReadOnlyList<JournalChange> Snapshot()
    {
        lock (_write)
        {
            var changes = new List<JournalChange>();
            changes.AddRange(_suppliers.Values.Select(Kinds.Supplier.Of));
            changes.AddRange(_supplierSequences.Select(pair => Kinds.Sequence.Of(new SupplierSequence(pair.Key, pair.Value))));
            changes.AddRange(_drivers.Values.Select(Kinds.Driver.Of));
            changes.AddRange(_orders.Values.Select(order => Kinds.Order.Of(new StoredOrder(order, [.. _history[order.Id]]))));
            changes.AddRange(feed.Retained().Select(Kinds.FeedEvent.Of));
            changes.AddRange(_commandResults.Entries.Select(entry => Kinds.Command.Of(new RememberedOrder(entry.Key, entry.Value))));
            changes.AddRange(_batchResults.Entries.Select(entry => Kinds.Batch.Of(new RememberedBatch(entry.Key, entry.Value))));
            changes.AddRange(_claims.Select(Kinds.Claim.Of));
            changes.AddRange(StockSnapshot());
            if (_settings is { } settings)
            {
                changes.Add(Kinds.Settings.Of(settings));
            }

            return changes;
        }
    }

    private void ReplayEvent(OrderEvent orderEvent)
    {
        if (!feed.Restore(orderEvent))
        {
            return;
        }

        if (orderEvent.Order is { } order)
        {
            SetOrder(order);
            var history = _history.TryGetValue(order.Id, out var events) ? events : _history[order.Id] = [];
            history.Add(orderEvent);
        }

        if (orderEvent.Driver is { } driver)
        {
            _drivers[driver.Id] = driver;
        }
    }

    private void SetOrder(Order order)
    {
        _orders[order.Id] = order;
        _byTrackingId[order.TrackingId] = order.Id;
        _byToken[order.TrackingToken] = order.Id;
        _bySupplierTrackingId[order.SupplierTrackingId] = order.Id;
    }

    /// <summary>Adds a change to the record this write appends (under the write lock).</summary>
    private void Record(JournalChange change)
    {
        if (journal is not null)
        {
            _pending.Add(change);
        }
    }

    /// <summary>Appends this write's record; called once per write, after its last change.</summary>
    private void Commit()
    {
        if (journal is null || _pending.Count == 0)
        {
            return;
        }

        try
        {
            journal.Append(_pending);
        }
        finally
        {
            _pending.Clear();
        }
    }

    /// <summary>The last supplier tracking sequence drawn for a supplier.</summary>
    private sealed record SupplierSequence(string SupplierId, long Last);

    private sealed record RememberedOrder(string CommandId, Order Order);

    private sealed record RememberedBatch(string CommandId, AppliedBatch Batch);

    /// <summary>An order with its history, as a compaction writes it.</summary>
    private sealed record StoredOrder(Order Order, IReadOnlyList<OrderEvent> History);
}
