using OrderConsole.Core.Drivers;
using OrderConsole.Core.Events;
using OrderConsole.Core.Orders;
using OrderConsole.Core.Settings;
using OrderConsole.Core.Suppliers;

namespace OrderConsole.Core.Storage;

/// <summary>
/// The storage port. Every write is atomic and appends its events to the feed; adapters (in-memory,
/// Redis) pass the same contract test suite. Writes are checked against the expected status and version
/// and the transition table before anything is written.
/// </summary>
public interface IOrderStore
{
    /// <summary>
    /// Stores a new order, giving it the supplier's next tracking sequence, and appends <c>order.created</c>.
    /// Throws <see cref="DuplicateTrackingCodeException"/> when its tracking ID or token is taken.
    /// </summary>
    Task<Order> CreateAsync(Order order, Supplier supplier, string actor, string commandId, CancellationToken cancellationToken = default);

    /// <summary>Applies one transition if the order still has the expected status and version; appends its event.</summary>
    Task<Order> ApplyAsync(OrderTransition transition, CancellationToken cancellationToken = default);

    /// <summary>
    /// Applies every transition in order, or none. Each is checked (like <see cref="ApplyAsync"/>) against the
    /// orders and drivers as the earlier ones of the batch leave them, so one order may change several times;
    /// all checks come before the first write. Every event appended carries <paramref name="correlationId"/>.
    /// When a check fails, nothing is written but one <c>batch.rolled_back</c> event, and
    /// <see cref="BatchFailedException"/> says which transition failed and why.
    /// An applied batch is remembered under <paramref name="commandId"/>: applying it again returns the first
    /// result and changes nothing. (The transitions' own command ids are neither consulted nor remembered.)
    /// </summary>
    Task<AppliedBatch> ApplyBatchAsync(
        IReadOnlyList<OrderTransition> transitions, string correlationId, string actor, string commandId, CancellationToken cancellationToken = default);

    /// <summary>What a batch with this command id left, while the id is remembered; null if it never applied.</summary>
    Task<AppliedBatch?> GetBatchResultAsync(string commandId, CancellationToken cancellationToken = default);

    /// <summary>Appends <c>batch.rolled_back</c> for a batch refused before it reached the store.</summary>
    Task RecordRolledBackBatchAsync(string correlationId, string actor, string detail, CancellationToken cancellationToken = default);

    Task<Order?> GetAsync(Guid id, CancellationToken cancellationToken = default);

    /// <summary>
    /// Appends a note about an order to the feed and its history: an event of <paramref name="eventType"/> carrying the
    /// order as it stands (unchanged) and <paramref name="detail"/>. A note with the same <paramref name="commandId"/> is
    /// appended once: false when it already was. Throws <see cref="OrderNotFoundException"/> for an unknown order.
    /// </summary>
    Task<bool> RecordOrderNoteAsync(
        Guid orderId, string eventType, string detail, string actor, string commandId, string? correlationId, CancellationToken cancellationToken = default);

    /// <summary>The order as a command with this id left it, while the id is remembered; null if it never applied.</summary>
    Task<Order?> GetCommandResultAsync(string commandId, CancellationToken cancellationToken = default);

    Task<Order?> FindByTrackingIdAsync(string trackingId, CancellationToken cancellationToken = default);

    Task<Order?> FindByTrackingTokenAsync(string trackingToken, CancellationToken cancellationToken = default);

    Task<Order?> FindBySupplierTrackingIdAsync(string supplierTrackingId, CancellationToken cancellationToken = default);

    /// <summary>Orders matching the query, most recently changed first.</summary>
    Task<IReadOnlyList<Order>> ListAsync(OrderQuery query, CancellationToken cancellationToken = default);

    Task<IReadOnlyDictionary<OrderStatus, long>> CountByStatusAsync(CancellationToken cancellationToken = default);

    /// <summary>The order's own events, oldest first.</summary>
    Task<IReadOnlyList<OrderEvent>> GetHistoryAsync(Guid orderId, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<Supplier>> ListSuppliersAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Adds or replaces a supplier and appends <c>supplier.updated</c>.
    /// Throws <see cref="DirectoryConflictException"/> when another supplier has its name (in any letter case)
    /// or its tracking prefix; then nothing changes.
    /// </summary>
    Task<Supplier> SaveSupplierAsync(Supplier supplier, string actor = "system", CancellationToken cancellationToken = default);

    /// <summary>The supplier's stock levels by item name; an item not listed is unlimited.</summary>
    Task<IReadOnlyList<StockLevel>> GetStockAsync(string supplierId, CancellationToken cancellationToken = default);

    /// <summary>Sets one item's stock level (matched by name without letter case), or with null removes it, making the item unlimited.</summary>
    Task SetStockAsync(string supplierId, string item, int? quantity, CancellationToken cancellationToken = default);

    /// <summary>How often each of the supplier's discount codes has been used, by code (upper case).</summary>
    Task<IReadOnlyDictionary<string, int>> GetDiscountUsesAsync(string supplierId, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<Driver>> ListDriversAsync(CancellationToken cancellationToken = default);

    Task<Driver?> GetDriverAsync(string driverId, CancellationToken cancellationToken = default);

    /// <summary>Available drivers with a known position, nearest to the given place first.</summary>
    Task<IReadOnlyList<DriverDistance>> FindNearestAvailableDriversAsync(double latitude, double longitude, int count, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records where a driver is, changing nothing else about them (a concurrent assignment is kept), and
    /// appends <c>driver.updated</c>. Throws <see cref="OrderValidationException"/> for an unknown driver.
    /// </summary>
    Task<Driver> ReportDriverPositionAsync(string driverId, double latitude, double longitude, DateTimeOffset at, string actor, CancellationToken cancellationToken = default);

    /// <summary>Adds or replaces a driver and appends <c>driver.updated</c>.</summary>
    Task<Driver> SaveDriverAsync(Driver driver, string actor, CancellationToken cancellationToken = default);

    /// <summary>The settings as an admin last saved them; null until the first save (configuration applies until then).</summary>
    Task<ConsoleSettings?> GetSettingsAsync(CancellationToken cancellationToken = default);

    /// <summary>Replaces the settings (stamped with the time and <paramref name="actor"/>) and appends <c>settings.updated</c> carrying all of them.</summary>
    Task<ConsoleSettings> SaveSettingsAsync(ConsoleSettings settings, string actor, CancellationToken cancellationToken = default);

    /// <summary>
    /// Applies <paramref name="change"/> to the driver as stored (so a concurrent assignment or position is kept) and
    /// appends <c>driver.updated</c>. Throws <see cref="OrderValidationException"/> for an unknown driver and
    /// <see cref="DirectoryConflictException"/> when the driver as stored refuses the change.
    /// </summary>
    Task<Driver> ChangeDriverAsync(string driverId, DriverChange change, string actor, CancellationToken cancellationToken = default);

    /// <summary>
    /// True for exactly one caller per <paramref name="purpose"/> over the store's life, across every instance
    /// sharing it: lets one instance, not all, do one-time work such as seeding demo data.
    /// </summary>
    Task<bool> ClaimOnceAsync(string purpose, CancellationToken cancellationToken = default);
}
