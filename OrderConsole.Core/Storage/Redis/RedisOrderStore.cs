using System.Globalization;
using OrderConsole.Core.Drivers;
using OrderConsole.Core.Events;
using OrderConsole.Core.Orders;
using OrderConsole.Core.Redis;

namespace OrderConsole.Core.Storage.Redis;

/// <summary>
/// The production store: orders as hashes holding their JSON snapshot, sorted-set indexes per status and
/// supplier (counts by ZCARD, so nothing can drift), one global stream as the feed, and one Lua script per
/// write so each command is atomic and checked before it writes.
/// </summary>
public sealed class RedisOrderStore(RedisConnection redis, RedisStoreOptions options, TimeProvider clock) : IOrderStore
{
    private readonly RedisKeys _keys = new(options.KeyPrefix);

    private string Trim => options.ExactFeedTrimming ? "=" : "~";

    private long CommandTtlSeconds => (long)options.CommandIdLifetime.TotalSeconds;

    public async Task<Order> CreateAsync(Order order, Supplier supplier, string actor, string commandId, CancellationToken cancellationToken = default)
    {
        var draft = order with { SupplierTrackingId = string.Empty };
        var orderJson = WireJson.Serialize(draft);
        var eventJson = WireJson.Serialize(OrderEvent.ForOrder(OrderEventTypes.Created, draft, actor, correlationId: null));
        var reply = await RunAsync(RedisScripts.Create,
        [
            options.KeyPrefix, commandId, order.Id.ToString(), order.TrackingId, order.TrackingToken, supplier.Id, supplier.TrackingPrefix,
            order.Status.ToWireName(), OrderQuery.ChangeScore(order), orderJson, eventJson, Trim, options.FeedMaxLength, CommandTtlSeconds,
        ], cancellationToken);
        return WireJson.Deserialize<Order>(reply.Elements[1].AsString()!);
    }

    public async Task<Order> ApplyAsync(OrderTransition transition, CancellationToken cancellationToken = default)
    {
        var args = ScriptHeader(transition.CommandId, transition.CorrelationId);
        AddTransition(args, transition, transition.CorrelationId);
        try
        {
            var reply = await RunAsync(RedisScripts.Transition, args, cancellationToken);
            return WireJson.Deserialize<Order>(reply.Elements[1].AsString()!);
        }
        catch (RedisServerException refused)
        {
            throw RedisStoreErrors.FromScript(refused, transition.Next);
        }
    }

    public async Task<AppliedBatch> ApplyBatchAsync(
        IReadOnlyList<OrderTransition> transitions, string correlationId, string actor, string commandId, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var result = new AppliedBatch(correlationId, now, [.. transitions.Select(transition => transition.Next)]);
        var args = ScriptHeader(commandId, correlationId);
        args.AddRange([actor, now.ToString("O", CultureInfo.InvariantCulture), WireJson.Serialize(result), transitions.Count]);
        foreach (var transition in transitions)
        {
            AddTransition(args, transition, correlationId);
        }

        try
        {
            var reply = await RunAsync(RedisScripts.Batch, args, cancellationToken);
            return WireJson.Deserialize<AppliedBatch>(reply.Elements[1].AsString()!);
        }
        catch (RedisServerException refused)
        {
            throw RedisStoreErrors.FromBatchScript(refused, transitions);
        }
    }

    public async Task<AppliedBatch?> GetBatchResultAsync(string commandId, CancellationToken cancellationToken = default)
    {
        var json = await redis.RunAsync(["GET", _keys.Batch(commandId)], cancellationToken);
        return json.IsNull ? null : WireJson.Deserialize<AppliedBatch>(json.AsString()!);
    }

    public async Task RecordRolledBackBatchAsync(string correlationId, string actor, string detail, CancellationToken cancellationToken = default)
    {
        var rolledBack = OrderEvent.ForRolledBackBatch(correlationId, actor, clock.GetUtcNow(), detail);
        await redis.RunAsync(["XADD", _keys.Events, "MAXLEN", Trim, options.FeedMaxLength, "*", "event", WireJson.Serialize(rolledBack)], cancellationToken);
    }

    public async Task<Order?> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var json = await redis.RunAsync(["HGET", _keys.Order(id), "json"], cancellationToken);
        return json.IsNull ? null : WireJson.Deserialize<Order>(json.AsString()!);
    }

    public async Task<Order?> GetCommandResultAsync(string commandId, CancellationToken cancellationToken = default)
    {
        var json = await redis.RunAsync(["GET", _keys.Command(commandId)], cancellationToken);
        return json.IsNull ? null : WireJson.Deserialize<Order>(json.AsString()!);
    }

    public Task<Order?> FindByTrackingIdAsync(string trackingId, CancellationToken cancellationToken = default) =>
        FindByAsync(_keys.TrackingId(trackingId), cancellationToken);

    public Task<Order?> FindByTrackingTokenAsync(string trackingToken, CancellationToken cancellationToken = default) =>
        FindByAsync(_keys.TrackingToken(trackingToken), cancellationToken);

    public Task<Order?> FindBySupplierTrackingIdAsync(string supplierTrackingId, CancellationToken cancellationToken = default) =>
        FindByAsync(_keys.SupplierTrackingId(supplierTrackingId), cancellationToken);

    public async Task<IReadOnlyList<Order>> ListAsync(OrderQuery query, CancellationToken cancellationToken = default)
    {
        // Each index is already newest first, so one index needs only the first offset + limit ids; several
        // status indexes, or statuses and a supplier together, are merged and filtered after loading.
        var wanted = Math.Min((long)query.Offset + query.Limit, int.MaxValue);
        IReadOnlyList<(string Index, long Stop)> ranges = query.Statuses is { } statuses
            ? [.. statuses.Distinct().Select(status => (_keys.Status(status), query.SupplierId is null ? wanted - 1 : -1L))]
            : [(query.SupplierId is { } supplierId ? _keys.Supplier(supplierId) : _keys.AllOrders, wanted - 1)];
        var replies = await Task.WhenAll(ranges.Select(range => redis.RunAsync(["ZREVRANGE", range.Index, 0, range.Stop], cancellationToken)));
        var ids = replies.SelectMany(reply => reply.Elements).Select(id => Guid.Parse(id.AsString()!)).Distinct().ToList();
        var orders = await LoadAsync(ids, cancellationToken);
        return [.. OrderQuery.NewestFirst(orders.Where(query.Matches)).Skip(query.Offset).Take(query.Limit)];
    }

    public async Task<IReadOnlyDictionary<OrderStatus, long>> CountByStatusAsync(CancellationToken cancellationToken = default)
    {
        var counts = await Task.WhenAll(OrderStatusNames.All.Select(status => redis.RunAsync(["ZCARD", _keys.Status(status)], cancellationToken)));
        return OrderStatusNames.All.Select((status, i) => (status, count: counts[i].AsInt64())).ToDictionary(pair => pair.status, pair => pair.count);
    }

    public async Task<IReadOnlyList<OrderEvent>> GetHistoryAsync(Guid orderId, CancellationToken cancellationToken = default)
    {
        var entries = await redis.RunAsync(["LRANGE", _keys.History(orderId), 0, -1], cancellationToken);
        return [.. entries.Elements.Select(entry =>
        {
            var text = entry.AsString()!;
            var space = text.IndexOf(' ', StringComparison.Ordinal);
            return WireJson.Deserialize<OrderEvent>(text[(space + 1)..]) with { EventId = text[..space] };
        })];
    }

    public async Task<IReadOnlyList<Supplier>> ListSuppliersAsync(CancellationToken cancellationToken = default)
    {
        var values = await redis.RunAsync(["HVALS", _keys.Suppliers], cancellationToken);
        return [.. values.Elements.Select(value => WireJson.Deserialize<Supplier>(value.AsString()!)).OrderBy(supplier => supplier.Name, StringComparer.Ordinal)];
    }

    public async Task SaveSupplierAsync(Supplier supplier, CancellationToken cancellationToken = default) =>
        await redis.RunAsync(["HSET", _keys.Suppliers, supplier.Id, WireJson.Serialize(supplier)], cancellationToken);

    public async Task<IReadOnlyList<Driver>> ListDriversAsync(CancellationToken cancellationToken = default)
    {
        var ids = await redis.RunAsync(["SMEMBERS", _keys.Drivers], cancellationToken);
        var drivers = await Task.WhenAll(ids.Elements.Select(id => GetDriverAsync(id.AsString()!, cancellationToken)));
        return [.. drivers.OfType<Driver>().OrderBy(driver => driver.Name, StringComparer.Ordinal)];
    }

    public async Task<Driver?> GetDriverAsync(string driverId, CancellationToken cancellationToken = default)
    {
        var json = await redis.RunAsync(["HGET", _keys.Driver(driverId), "json"], cancellationToken);
        return json.IsNull ? null : WireJson.Deserialize<Driver>(json.AsString()!);
    }

    public async Task<IReadOnlyList<DriverDistance>> FindNearestAvailableDriversAsync(double latitude, double longitude, int count, CancellationToken cancellationToken = default)
    {
        // Every positioned driver, nearest first; availability is filtered after, so no COUNT here.
        var near = await redis.RunAsync(
            ["GEOSEARCH", _keys.DriverPositions, "FROMLONLAT", longitude.ToString("R", CultureInfo.InvariantCulture), latitude.ToString("R", CultureInfo.InvariantCulture),
             "BYRADIUS", 20_100, "km", "ASC", "WITHDIST"],
            cancellationToken);
        var candidates = await Task.WhenAll(near.Elements.Select(async hit =>
            (Driver: await GetDriverAsync(hit.Elements[0].AsString()!, cancellationToken), Kilometres: double.Parse(hit.Elements[1].AsString()!, CultureInfo.InvariantCulture))));
        return [.. candidates
            .Where(candidate => candidate.Driver is { Status: DriverStatus.Available })
            .Take(count)
            .Select(candidate => new DriverDistance(candidate.Driver!, candidate.Kilometres))];
    }

    public async Task<Driver> ReportDriverPositionAsync(string driverId, double latitude, double longitude, DateTimeOffset at, string actor, CancellationToken cancellationToken = default)
    {
        try
        {
            var json = await RunAsync(RedisScripts.ReportPosition,
            [
                options.KeyPrefix, driverId, latitude.ToString("R", CultureInfo.InvariantCulture), longitude.ToString("R", CultureInfo.InvariantCulture),
                at.ToString("O", CultureInfo.InvariantCulture), actor, Trim, options.FeedMaxLength,
            ], cancellationToken);
            return WireJson.Deserialize<Driver>(json.AsString()!);
        }
        catch (RedisServerException refused) when (refused.Prefix == "NODRIVER")
        {
            throw TransitionChecks.NoDriver(driverId);
        }
    }

    public async Task<Driver> SaveDriverAsync(Driver driver, string actor, CancellationToken cancellationToken = default)
    {
        var stored = driver with { UpdatedAt = clock.GetUtcNow() };
        var located = stored is { Latitude: { } latitude, Longitude: { } longitude };
        var driverEvent = OrderEvent.ForDriver(stored, actor);
        await RunAsync(RedisScripts.SaveDriver,
        [
            options.KeyPrefix, stored.Id, WireJson.Serialize(stored), WireName(stored.Status),
            located ? stored.Longitude!.Value.ToString("R", CultureInfo.InvariantCulture) : string.Empty,
            located ? stored.Latitude!.Value.ToString("R", CultureInfo.InvariantCulture) : string.Empty,
            WireJson.Serialize(driverEvent), Trim, options.FeedMaxLength,
        ], cancellationToken);
        return stored;
    }

    public async Task<bool> ClaimOnceAsync(string purpose, CancellationToken cancellationToken = default)
    {
        var reply = await redis.RunAsync(["SET", _keys.Claim(purpose), clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture), "NX"], cancellationToken);
        return !reply.IsNull;
    }

    private async Task<Order?> FindByAsync(string codeKey, CancellationToken cancellationToken)
    {
        var id = await redis.RunAsync(["GET", codeKey], cancellationToken);
        return id.IsNull ? null : await GetAsync(Guid.Parse(id.AsString()!), cancellationToken);
    }

    private async Task<IReadOnlyList<Order>> LoadAsync(IReadOnlyList<Guid> ids, CancellationToken cancellationToken)
    {
        // Many HGETs at once pipeline over the one connection.
        var replies = await Task.WhenAll(ids.Select(id => redis.RunAsync(["HGET", _keys.Order(id), "json"], cancellationToken)));
        return [.. replies.Where(reply => !reply.IsNull).Select(reply => WireJson.Deserialize<Order>(reply.AsString()!))];
    }

    /// <summary>What the transition and batch scripts start with: prefix, command id, feed trim, feed length, command ttl, correlation id.</summary>
    private List<RedisArgument> ScriptHeader(string commandId, string? correlationId) =>
        [options.KeyPrefix, commandId, Trim, options.FeedMaxLength, CommandTtlSeconds, correlationId ?? string.Empty];

    /// <summary>One transition's arguments, in the order the scripts' <c>read_transition</c> reads them.</summary>
    private static void AddTransition(List<RedisArgument> args, OrderTransition transition, string? correlationId)
    {
        var next = transition.Next;
        var eventJson = WireJson.Serialize(OrderEvent.ForOrder(transition.EventType, next, transition.Actor, correlationId));
        args.AddRange(
        [
            next.Id.ToString(), transition.ExpectedStatus.ToWireName(), transition.ExpectedVersion, next.Status.ToWireName(), next.Version,
            OrderQuery.ChangeScore(next), WireJson.Serialize(next), eventJson, transition.Actor, next.UpdatedAt.ToString("O", CultureInfo.InvariantCulture),
            transition.Drivers.Count,
        ]);
        foreach (var driver in transition.Drivers)
        {
            args.AddRange([driver.DriverId, WireName(driver.Status), driver.OrderId?.ToString() ?? string.Empty, driver.MustBeAvailable ? "1" : "0"]);
        }
    }

    private static string WireName(DriverStatus status) => status == DriverStatus.OnBreak ? "on_break" : status.ToString().ToLowerInvariant();

    private async Task<RedisReply> RunAsync(RedisScript script, IReadOnlyList<RedisArgument> args, CancellationToken cancellationToken)
    {
        try
        {
            return await redis.RunScriptAsync(script, args, cancellationToken);
        }
        catch (RedisServerException refused) when (refused.Prefix == "DUPLICATE")
        {
            throw new DuplicateTrackingCodeException(refused.Message["DUPLICATE ".Length..]);
        }
    }
}
