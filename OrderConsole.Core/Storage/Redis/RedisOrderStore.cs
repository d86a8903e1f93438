using System.Globalization;
using OrderConsole.Core.Drivers;
using OrderConsole.Core.Events;
using OrderConsole.Core.Orders;
using OrderConsole.Core.Suppliers;
using OrderConsole.Core.Settings;
using StackExchange.Redis;
using Order = OrderConsole.Core.Orders.Order;
using SortOrder = StackExchange.Redis.Order;

namespace OrderConsole.Core.Storage.Redis;

/// <summary>
/// The production store: orders as hashes holding their JSON snapshot, sorted-set indexes per status and
/// supplier (counts by ZCARD, so nothing can drift), one global stream as the feed, and one Lua script per
/// write so each command is atomic and checked before it writes.
/// </summary>
public sealed partial class RedisOrderStore(RedisStoreConnection redis, RedisStoreOptions options, TimeProvider clock) : IOrderStore
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
        return WireJson.Deserialize<Order>(Second(reply));
    }

    public async Task<Order> ApplyAsync(OrderTransition transition, CancellationToken cancellationToken = default)
    {
        var args = ScriptHeader(transition.CommandId, transition.CorrelationId);
        AddTransition(args, transition, transition.CorrelationId);
        try
        {
            var reply = await RunAsync(RedisScripts.Transition, [.. args], cancellationToken);
            return WireJson.Deserialize<Order>(Second(reply));
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
            var reply = await RunAsync(RedisScripts.Batch, [.. args], cancellationToken);
            return WireJson.Deserialize<AppliedBatch>(Second(reply));
        }
        catch (RedisServerException refused)
        {
            throw RedisStoreErrors.FromBatchScript(refused, transitions);
        }
    }

    public async Task<AppliedBatch?> GetBatchResultAsync(string commandId, CancellationToken cancellationToken = default)
    {
        var json = await redis.RunAsync("GET", db => db.StringGetAsync(_keys.Batch(commandId)), cancellationToken);
        return json.IsNull ? null : WireJson.Deserialize<AppliedBatch>(json.ToString());
    }

    public async Task RecordRolledBackBatchAsync(string correlationId, string actor, string detail, CancellationToken cancellationToken = default)
    {
        var rolledBack = OrderEvent.ForRolledBackBatch(correlationId, actor, clock.GetUtcNow(), detail);
        await RunAsync(RedisScripts.RecordEvent, [options.KeyPrefix, Trim, options.FeedMaxLength, WireJson.Serialize(rolledBack)], cancellationToken);
    }

    public async Task<bool> RecordOrderNoteAsync(
        Guid orderId, string eventType, string detail, string actor, string commandId, string? correlationId, CancellationToken cancellationToken = default)
    {
        // The note carries the order as read here; the script appends it only while the order is still at that version.
        while (true)
        {
            var order = await GetAsync(orderId, cancellationToken) ?? throw new OrderNotFoundException(orderId.ToString());
            var note = OrderEvent.ForOrder(eventType, order, actor, correlationId) with { Timestamp = clock.GetUtcNow(), Detail = detail };
            var reply = await RunAsync(RedisScripts.RecordOrderNote,
            [
                options.KeyPrefix, commandId, orderId.ToString(), order.Version, WireJson.Serialize(note), Trim, options.FeedMaxLength, CommandTtlSeconds,
            ], cancellationToken);
            switch (reply.ToString())
            {
                case "OK":
                    return true;
                case "DUP":
                    return false;
                case "NOTFOUND":
                    throw new OrderNotFoundException(orderId.ToString());
            }
        }
    }

    public async Task<Order?> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var json = await redis.RunAsync("HGET", db => db.HashGetAsync(_keys.Order(id), "json"), cancellationToken);
        return json.IsNull ? null : WireJson.Deserialize<Order>(json.ToString());
    }

    public async Task<Order?> GetCommandResultAsync(string commandId, CancellationToken cancellationToken = default)
    {
        var json = await redis.RunAsync("GET", db => db.StringGetAsync(_keys.Command(commandId)), cancellationToken);
        return json.IsNull ? null : WireJson.Deserialize<Order>(json.ToString());
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
        var replies = await Task.WhenAll(ranges.Select(range =>
            redis.RunAsync("ZREVRANGE", db => db.SortedSetRangeByRankAsync(range.Index, 0, range.Stop, SortOrder.Descending), cancellationToken)));
        var ids = replies.SelectMany(reply => reply).Select(id => Guid.Parse(id.ToString())).Distinct().ToList();
        var orders = await LoadAsync(ids, cancellationToken);
        return [.. OrderQuery.NewestFirst(orders.Where(query.Matches)).Skip(query.Offset).Take(query.Limit)];
    }

    public async Task<IReadOnlyDictionary<OrderStatus, long>> CountByStatusAsync(CancellationToken cancellationToken = default)
    {
        var counts = await Task.WhenAll(OrderStatusNames.All.Select(status =>
            redis.RunAsync("ZCARD", db => db.SortedSetLengthAsync(_keys.Status(status)), cancellationToken)));
        return OrderStatusNames.All.Select((status, i) => (status, count: counts[i])).ToDictionary(pair => pair.status, pair => pair.count);
    }

    public async Task<IReadOnlyList<OrderEvent>> GetHistoryAsync(Guid orderId, CancellationToken cancellationToken = default)
    {
        var entries = await redis.RunAsync("LRANGE", db => db.ListRangeAsync(_keys.History(orderId)), cancellationToken);
        return [.. entries.Select(entry =>
        {
            var text = entry.ToString();
            var space = text.IndexOf(' ', StringComparison.Ordinal);
            return WireJson.Deserialize<OrderEvent>(text[(space + 1)..]) with { EventId = text[..space] };
        })];
    }

    public async Task<IReadOnlyList<Supplier>> ListSuppliersAsync(CancellationToken cancellationToken = default)
    {
        var values = await redis.RunAsync("HVALS", db => db.HashValuesAsync(_keys.Suppliers), cancellationToken);
        return [.. values.Select(value => WireJson.Deserialize<Supplier>(value.ToString())).OrderBy(supplier => supplier.Name, StringComparer.Ordinal)];
    }

    public async Task<Supplier> SaveSupplierAsync(Supplier supplier, string actor = "system", CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var stored = supplier;
        try
        {
            await RunAsync(RedisScripts.SaveSupplier,
            [
                options.KeyPrefix, stored.Id, WireJson.Serialize(stored), SupplierRules.NormalizedName(stored.Name), stored.TrackingPrefix.ToUpperInvariant(),
                WireJson.Serialize(OrderEvent.ForSupplier(stored, actor, now)), Trim, options.FeedMaxLength,
            ], cancellationToken);
            return stored;
        }
        catch (RedisServerException refused) when (RedisStoreErrors.Code(refused) == "TAKEN")
        {
            throw refused.Message.EndsWith("tracking_prefix", StringComparison.Ordinal)
                ? DirectoryConflictException.TakenPrefix(stored.TrackingPrefix)
                : DirectoryConflictException.TakenName(stored.Name);
        }
    }

    public async Task<IReadOnlyList<Driver>> ListDriversAsync(CancellationToken cancellationToken = default)
    {
        var ids = await redis.RunAsync("SMEMBERS", db => db.SetMembersAsync(_keys.Drivers), cancellationToken);
        var drivers = await Task.WhenAll(ids.Select(id => GetDriverAsync(id.ToString(), cancellationToken)));
        return [.. drivers.OfType<Driver>().OrderBy(driver => driver.Name, StringComparer.Ordinal)];
    }

    public async Task<Driver?> GetDriverAsync(string driverId, CancellationToken cancellationToken = default)
    {
        var json = await redis.RunAsync("HGET", db => db.HashGetAsync(_keys.Driver(driverId), "json"), cancellationToken);
        return json.IsNull ? null : WireJson.Deserialize<Driver>(json.ToString());
    }

    public async Task<IReadOnlyList<DriverDistance>> FindNearestAvailableDriversAsync(double latitude, double longitude, int count, CancellationToken cancellationToken = default)
    {
        // Every positioned driver, nearest first; availability is filtered after, so no COUNT here.
        var near = await redis.RunAsync(
            "GEOSEARCH",
            db => db.GeoSearchAsync(_keys.DriverPositions, longitude, latitude, new GeoSearchCircle(20_100, GeoUnit.Kilometers), order: SortOrder.Ascending, options: GeoRadiusOptions.WithDistance),
            cancellationToken);
        var candidates = await Task.WhenAll(near.Select(async hit =>
            (Driver: await GetDriverAsync(hit.Member.ToString(), cancellationToken), Kilometres: hit.Distance ?? 0)));
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
            return WireJson.Deserialize<Driver>(json.ToString());
        }
        catch (RedisServerException refused) when (RedisStoreErrors.Code(refused) == "NODRIVER")
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

    public async Task<Driver> ChangeDriverAsync(string driverId, DriverChange change, string actor, CancellationToken cancellationToken = default)
    {
        // Computed here from the driver as read, written only if it is still stored so: a concurrent assignment or
        // position report makes the script answer CHANGED, and the change is computed again from the newer driver.
        while (true)
        {
            var json = await redis.RunAsync("HGET", db => db.HashGetAsync(_keys.Driver(driverId), "json"), cancellationToken);
            if (json.IsNull)
            {
                throw TransitionChecks.NoDriver(driverId);
            }

            var changed = change.ApplyTo(WireJson.Deserialize<Driver>(json.ToString()), clock.GetUtcNow());
            try
            {
                await RunAsync(RedisScripts.ChangeDriver,
                [
                    options.KeyPrefix, driverId, json, WireJson.Serialize(changed), WireName(changed.Status),
                    WireJson.Serialize(OrderEvent.ForDriver(changed, actor)), Trim, options.FeedMaxLength,
                ], cancellationToken);
                return changed;
            }
            catch (RedisServerException refused) when (RedisStoreErrors.Code(refused) == "CHANGED")
            {
                // Someone else wrote the driver between the read and the script; read again.
            }
            catch (RedisServerException refused) when (RedisStoreErrors.Code(refused) == "NODRIVER")
            {
                throw TransitionChecks.NoDriver(driverId);
            }
        }
    }

    public async Task<ConsoleSettings?> GetSettingsAsync(CancellationToken cancellationToken = default)
    {
        var json = await redis.RunAsync("GET", db => db.StringGetAsync(_keys.Settings), cancellationToken);
        return json.IsNull ? null : WireJson.Deserialize<ConsoleSettings>(json.ToString());
    }

    public async Task<ConsoleSettings> SaveSettingsAsync(ConsoleSettings settings, string actor, CancellationToken cancellationToken = default)
    {
        var stored = settings with { UpdatedAt = clock.GetUtcNow(), UpdatedBy = actor };
        await RunAsync(RedisScripts.SaveSettings,
            [options.KeyPrefix, WireJson.Serialize(stored), WireJson.Serialize(OrderEvent.ForSettings(stored, actor)), Trim, options.FeedMaxLength],
            cancellationToken);
        return stored;
    }

    public async Task<bool> ClaimOnceAsync(string purpose, CancellationToken cancellationToken = default)
    {
        return await redis.RunAsync(
            "SET", db => db.StringSetAsync(_keys.Claim(purpose), clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture), when: When.NotExists), cancellationToken);
    }

    private async Task<Order?> FindByAsync(string codeKey, CancellationToken cancellationToken)
    {
        var id = await redis.RunAsync("GET", db => db.StringGetAsync(codeKey), cancellationToken);
        return id.IsNull ? null : await GetAsync(Guid.Parse(id.ToString()), cancellationToken);
    }

    private async Task<IReadOnlyList<Order>> LoadAsync(IReadOnlyList<Guid> ids, CancellationToken cancellationToken)
    {
        // Many HGETs at once pipeline over the one connection.
        var replies = await Task.WhenAll(ids.Select(id => redis.RunAsync("HGET", db => db.HashGetAsync(_keys.Order(id), "json"), cancellationToken)));
        return [.. replies.Where(reply => !reply.IsNull).Select(reply => WireJson.Deserialize<Order>(reply.ToString()))];
    }

    /// <summary>What the transition and batch scripts start with: prefix, command id, feed trim, feed length, command ttl, correlation id.</summary>
    private List<RedisValue> ScriptHeader(string commandId, string? correlationId) =>
        [options.KeyPrefix, commandId, Trim, options.FeedMaxLength, CommandTtlSeconds, correlationId ?? string.Empty];

    /// <summary>One transition's arguments, in the order the scripts' <c>read_transition</c> reads them.</summary>
    private static void AddTransition(List<RedisValue> args, OrderTransition transition, string? correlationId)
    {
        var next = transition.Next;
        var eventJson = WireJson.Serialize(OrderEvent.ForOrder(transition.EventType, next, transition.Actor, correlationId) with { Detail = transition.Detail });
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

        args.Add(transition.Stock.Count);
        foreach (var change in transition.Stock)
        {
            args.AddRange([change.SupplierId, StockRules.Key(change.Item), change.Change]);
        }

        args.AddRange(transition.Discount is { } discount
            ? [discount.SupplierId, discount.Code.ToUpperInvariant(), discount.Limit?.ToString(CultureInfo.InvariantCulture) ?? string.Empty]
            : [string.Empty, string.Empty, string.Empty]);
    }

    private static string WireName(DriverStatus status) => status == DriverStatus.OnBreak ? "on_break" : status.ToString().ToLowerInvariant();

    /// <summary>The order or batch json of a script's {'OK' or 'DUP', json} answer.</summary>
    private static string Second(RedisResult reply) => ((RedisResult[])reply!)[1].ToString();

    private async Task<RedisResult> RunAsync(string script, RedisValue[] args, CancellationToken cancellationToken)
    {
        try
        {
            return await redis.RunScriptAsync(script, args, cancellationToken);
        }
        catch (RedisServerException refused) when (RedisStoreErrors.Code(refused) == "DUPLICATE")
        {
            throw new DuplicateTrackingCodeException(refused.Message["DUPLICATE ".Length..]);
        }
    }
}
