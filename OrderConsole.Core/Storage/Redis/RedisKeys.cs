using OrderConsole.Core.Orders;

namespace OrderConsole.Core.Storage.Redis;

/// <summary>
/// The one place that names Redis keys. The Lua scripts build the same names from the prefix, in
/// <see cref="RedisScripts"/>; both follow this list.
/// </summary>
/// <remarks>
/// <c>{p}order:{id}</c> hash (json, status, version, supplier_id) ·
/// <c>{p}status:{status}</c>, <c>{p}supplier:{id}</c>, <c>{p}orders</c> sorted sets scored by last change ·
/// <c>{p}track:{tracking_id}</c>, <c>{p}token:{token}</c>, <c>{p}strack:{supplier_tracking_id}</c> → order id ·
/// <c>{p}seq:{supplier_id}</c> counter · <c>{p}history:{id}</c> list of "event-id json" ·
/// <c>{p}events</c> stream · <c>{p}events:wake</c> pub/sub channel (a wake-up per feed append, not a key) · <c>{p}cmd:{command_id}</c> remembered result ·
/// <c>{p}batch:{command_id}</c> remembered batch result · <c>{p}suppliers</c> hash (id → json) ·
/// <c>{p}suppliers:names</c>, <c>{p}suppliers:prefixes</c> hashes (normalized name or prefix → id) and <c>{p}suppliers:claims</c> (id → what it holds) ·
/// <c>{p}driver:{id}</c> hash (json, status) · <c>{p}drivers</c> set · <c>{p}drivers:geo</c> geo set ·
/// <c>{p}claim:{purpose}</c> one-time claims · <c>{p}user:{id}</c> hash (json, stamp, name) ·
/// <c>{p}username:{normalized}</c> → user id · <c>{p}users</c> set · <c>{p}dataprotection:keys</c> list of data-protection keys ·
/// <c>{p}settings</c> the settings as JSON ·
/// <c>{p}stock:{supplier_id}</c> hash (item key → quantity) and <c>{p}stock-names:{supplier_id}</c> (item key → name) ·
/// <c>{p}discount-uses:{supplier_id}</c> hash (code → uses) ·
/// <c>{p}proof:{order_id}:{proof_id}</c> hash (photo, signature: binary) and <c>{p}proof:bytes</c> their total (see <see cref="RedisProofStore"/>) ·
/// <c>{p}worker:{name}:attempts</c> hash (event id → failed attempts) · <c>{p}worker:{name}:dead</c> dead-letter stream
/// (each worker's consumer group on <c>{p}events</c> is named after the worker).
/// </remarks>
public sealed class RedisKeys(string prefix)
{
    public string Prefix => prefix;

    public string Order(Guid id) => $"{prefix}order:{id}";

    public string Status(OrderStatus status) => $"{prefix}status:{status.ToWireName()}";

    public string Supplier(string supplierId) => $"{prefix}supplier:{supplierId}";

    public string AllOrders => $"{prefix}orders";

    public string TrackingId(string trackingId) => $"{prefix}track:{trackingId}";

    public string TrackingToken(string token) => $"{prefix}token:{token}";

    public string SupplierTrackingId(string supplierTrackingId) => $"{prefix}strack:{supplierTrackingId}";

    public string History(Guid id) => $"{prefix}history:{id}";

    public string Events => $"{prefix}events";

    public string WakeUps => $"{prefix}events:wake";

    public string Suppliers => $"{prefix}suppliers";

    public string Driver(string driverId) => $"{prefix}driver:{driverId}";

    public string Drivers => $"{prefix}drivers";

    public string DriverPositions => $"{prefix}drivers:geo";

    public string Command(string commandId) => $"{prefix}cmd:{commandId}";

    public string Batch(string commandId) => $"{prefix}batch:{commandId}";

    public string User(string userId) => $"{prefix}user:{userId}";

    public string UserName(string normalizedUserName) => $"{prefix}username:{normalizedUserName}";

    public string Users => $"{prefix}users";

    /// <summary>Where the framework's Redis key repository keeps the data-protection keys.</summary>
    public string DataProtectionKeys => $"{prefix}dataprotection:keys";

    public string Stock(string supplierId) => $"{prefix}stock:{supplierId}";

    public string StockNames(string supplierId) => $"{prefix}stock-names:{supplierId}";

    public string DiscountUses(string supplierId) => $"{prefix}discount-uses:{supplierId}";

    public string Claim(string purpose) => $"{prefix}claim:{purpose}";

    /// <summary>The settings as last saved: one string of JSON.</summary>
    public string Settings => $"{prefix}settings";

    /// <summary>Failed attempts per event id for the worker <paramref name="worker"/>.</summary>
    public string WorkerAttempts(string worker) => $"{prefix}worker:{worker}:attempts";

    /// <summary>The events the worker <paramref name="worker"/> gave up on.</summary>
    public string WorkerDeadLetters(string worker) => $"{prefix}worker:{worker}:dead";
}
