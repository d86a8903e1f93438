using OrderConsole.Core.Drivers;
using OrderConsole.Core.Events;
using OrderConsole.Core.Orders;
using OrderConsole.Core.Storage;
using OrderConsole.Core.Suppliers;

namespace OrderConsole.Tests.Service;

/// <summary>
/// A store whose first <c>collisions</c> creates report a taken tracking code, as a real store does when a
/// random 8-digit code is already in use; everything else goes to the real store underneath.
/// </summary>
internal sealed class CollidingStore(IOrderStore inner, int collisions) : IOrderStore
{
    private readonly List<(string TrackingId, string TrackingToken, string CommandId)> _attempts = [];

    public IReadOnlyList<(string TrackingId, string TrackingToken, string CommandId)> Attempts => _attempts;

    public Task<Order> CreateAsync(Order order, Supplier supplier, string actor, string commandId, CancellationToken cancellationToken = default)
    {
        _attempts.Add((order.TrackingId, order.TrackingToken, commandId));
        return _attempts.Count <= collisions
            ? throw new DuplicateTrackingCodeException(order.TrackingId)
            : inner.CreateAsync(order, supplier, actor, commandId, cancellationToken);
    }

    public Task<Order> ApplyAsync(OrderTransition transition, CancellationToken cancellationToken = default) => inner.ApplyAsync(transition, cancellationToken);

    public Task<AppliedBatch> ApplyBatchAsync(IReadOnlyList<OrderTransition> transitions, string correlationId, string actor, string commandId, CancellationToken cancellationToken = default) =>
        inner.ApplyBatchAsync(transitions, correlationId, actor, commandId, cancellationToken);

    public Task<AppliedBatch?> GetBatchResultAsync(string commandId, CancellationToken cancellationToken = default) => inner.GetBatchResultAsync(commandId, cancellationToken);

    public Task RecordRolledBackBatchAsync(string correlationId, string actor, string detail, CancellationToken cancellationToken = default) =>
        inner.RecordRolledBackBatchAsync(correlationId, actor, detail, cancellationToken);

    public Task<bool> RecordOrderNoteAsync(
        Guid orderId, string eventType, string detail, string actor, string commandId, string? correlationId, CancellationToken cancellationToken = default) =>
        inner.RecordOrderNoteAsync(orderId, eventType, detail, actor, commandId, correlationId, cancellationToken);

    public Task<Order?> GetAsync(Guid id, CancellationToken cancellationToken = default) => inner.GetAsync(id, cancellationToken);

    public Task<Order?> GetCommandResultAsync(string commandId, CancellationToken cancellationToken = default) => inner.GetCommandResultAsync(commandId, cancellationToken);

    public Task<IReadOnlyList<DriverDistance>> FindNearestAvailableDriversAsync(double latitude, double longitude, int count, CancellationToken cancellationToken = default) =>
        inner.FindNearestAvailableDriversAsync(latitude, longitude, count, cancellationToken);

    public Task<Driver> ReportDriverPositionAsync(string driverId, double latitude, double longitude, DateTimeOffset at, string actor, CancellationToken cancellationToken = default) =>
        inner.ReportDriverPositionAsync(driverId, latitude, longitude, at, actor, cancellationToken);

    public Task<bool> ClaimOnceAsync(string purpose, CancellationToken cancellationToken = default) => inner.ClaimOnceAsync(purpose, cancellationToken);

    public Task<Order?> FindByTrackingIdAsync(string trackingId, CancellationToken cancellationToken = default) => inner.FindByTrackingIdAsync(trackingId, cancellationToken);

    public Task<Order?> FindByTrackingTokenAsync(string trackingToken, CancellationToken cancellationToken = default) => inner.FindByTrackingTokenAsync(trackingToken, cancellationToken);

    public Task<Order?> FindBySupplierTrackingIdAsync(string supplierTrackingId, CancellationToken cancellationToken = default) => inner.FindBySupplierTrackingIdAsync(supplierTrackingId, cancellationToken);

    public Task<IReadOnlyList<Order>> ListAsync(OrderQuery query, CancellationToken cancellationToken = default) => inner.ListAsync(query, cancellationToken);

    public Task<OrderConsole.Core.Settings.ConsoleSettings?> GetSettingsAsync(CancellationToken cancellationToken = default) => inner.GetSettingsAsync(cancellationToken);

    public Task<OrderConsole.Core.Settings.ConsoleSettings> SaveSettingsAsync(OrderConsole.Core.Settings.ConsoleSettings settings, string actor, CancellationToken cancellationToken = default) =>
        inner.SaveSettingsAsync(settings, actor, cancellationToken);

    public Task<IReadOnlyDictionary<OrderStatus, long>> CountByStatusAsync(CancellationToken cancellationToken = default) => inner.CountByStatusAsync(cancellationToken);

    public Task<IReadOnlyList<OrderEvent>> GetHistoryAsync(Guid orderId, CancellationToken cancellationToken = default) => inner.GetHistoryAsync(orderId, cancellationToken);

    public Task<IReadOnlyList<Supplier>> ListSuppliersAsync(CancellationToken cancellationToken = default) => inner.ListSuppliersAsync(cancellationToken);

    public Task<Supplier> SaveSupplierAsync(Supplier supplier, string actor = "system", CancellationToken cancellationToken = default) => inner.SaveSupplierAsync(supplier, actor, cancellationToken);

    public Task<IReadOnlyList<Driver>> ListDriversAsync(CancellationToken cancellationToken = default) => inner.ListDriversAsync(cancellationToken);

    public Task<IReadOnlyList<StockLevel>> GetStockAsync(string supplierId, CancellationToken cancellationToken = default) => inner.GetStockAsync(supplierId, cancellationToken);

    public Task SetStockAsync(string supplierId, string item, int? quantity, CancellationToken cancellationToken = default) =>
        inner.SetStockAsync(supplierId, item, quantity, cancellationToken);

    public Task<IReadOnlyDictionary<string, int>> GetDiscountUsesAsync(string supplierId, CancellationToken cancellationToken = default) =>
        inner.GetDiscountUsesAsync(supplierId, cancellationToken);

    public Task<Driver?> GetDriverAsync(string driverId, CancellationToken cancellationToken = default) => inner.GetDriverAsync(driverId, cancellationToken);

    public Task<Driver> SaveDriverAsync(Driver driver, string actor, CancellationToken cancellationToken = default) => inner.SaveDriverAsync(driver, actor, cancellationToken);

    public Task<Driver> ChangeDriverAsync(string driverId, DriverChange change, string actor, CancellationToken cancellationToken = default) =>
        inner.ChangeDriverAsync(driverId, change, actor, cancellationToken);
}
