using System.Text;
using OrderConsole.Core.Events;
using OrderConsole.Core.Orders;
using StackExchange.Redis;

namespace OrderConsole.Core.Storage.Redis;

/// <summary>
/// The Lua scripts of the Redis store, one per command. Each makes every check before its first write,
/// because a Lua error does not undo earlier writes, and each that appends to the feed also PUBLISHes the new
/// entry's id on <c>{p}events:wake</c> (see <see cref="RedisOrderFeed"/>). Errors start with a word the store maps to a domain
/// error: DUPLICATE, NOTFOUND, CONFLICT, ILLEGAL, NODRIVER, DRIVERBUSY, NOSTOCK, USEDUP; a batch's failure is BATCH, its index, then one of those.
/// </summary>
internal static class RedisScripts
{
    /// <summary>
    /// ARGV: prefix, command id, order id, tracking id, token, supplier id, supplier prefix, status, score,
    /// order json, event json, feed trim ("~" or "="), feed length, command ttl seconds.
    /// The order's supplier_tracking_id is written as "" by the caller and filled in here from the sequence.
    /// </summary>
    public static string Create { get; } = """
        local p = ARGV[1]
        local cmd = p .. 'cmd:' .. ARGV[2]
        local done = redis.call('GET', cmd)
        if done then return {'DUP', done} end
        if redis.call('EXISTS', p .. 'order:' .. ARGV[3]) == 1 or redis.call('EXISTS', p .. 'track:' .. ARGV[4]) == 1 then
          return redis.error_reply('DUPLICATE tracking id ' .. ARGV[4])
        end
        if redis.call('EXISTS', p .. 'token:' .. ARGV[5]) == 1 then
          return redis.error_reply('DUPLICATE tracking token')
        end
        -- Every check has passed; only now does anything change.
        local sequence = redis.call('INCR', p .. 'seq:' .. ARGV[6])
        local stid = ARGV[7] .. '-' .. sequence
        local empty = '"supplier_tracking_id":""'
        local filled = '"supplier_tracking_id":"' .. stid .. '"'
        local order = string.gsub(ARGV[10], empty, filled, 1)
        local event = string.gsub(ARGV[11], empty, filled, 1)
        local key = p .. 'order:' .. ARGV[3]
        redis.call('HSET', key, 'json', order, 'status', ARGV[8], 'version', 1, 'supplier_id', ARGV[6])
        redis.call('SET', p .. 'track:' .. ARGV[4], ARGV[3])
        redis.call('SET', p .. 'token:' .. ARGV[5], ARGV[3])
        redis.call('SET', p .. 'strack:' .. stid, ARGV[3])
        redis.call('ZADD', p .. 'status:' .. ARGV[8], ARGV[9], ARGV[3])
        redis.call('ZADD', p .. 'supplier:' .. ARGV[6], ARGV[9], ARGV[3])
        redis.call('ZADD', p .. 'orders', ARGV[9], ARGV[3])
        local id = redis.call('XADD', p .. 'events', 'MAXLEN', ARGV[12], ARGV[13], '*', 'event', event)
        redis.call('RPUSH', p .. 'history:' .. ARGV[3], id .. ' ' .. event)
        redis.call('SET', cmd, order, 'EX', ARGV[14])
        redis.call('PUBLISH', p .. 'events:wake', id)
        return {'OK', order}
        """;

    /// <summary>
    /// ARGV: the script header (prefix, command id, feed trim, feed length, command ttl seconds, correlation id or ""), then one
    /// transition as <see cref="TransitionFunctions"/> reads it. Returns {'OK', order json} or {'DUP', order json}.
    /// </summary>
    public static string Transition { get; } = $$"""
        {{TransitionFunctions()}}
        local cmd = p .. 'cmd:' .. ARGV[2]
        local done = redis.call('GET', cmd)
        if done then return {'DUP', done} end
        local t = read_transition(7)
        local verdict = check(t, {}, {})
        if verdict then return redis.error_reply(verdict) end
        -- Every check has passed; only now does anything change.
        wake(write(t))
        redis.call('SET', cmd, t.json, 'EX', ARGV[5])
        return {'OK', t.json}
        """;

    /// <summary>
    /// ARGV: the script header, then actor, timestamp, result json, transition count, then
    /// the transitions as <see cref="TransitionFunctions"/> reads them. Checks them all in order, each against
    /// what the earlier ones leave, then writes them all. When one fails, it writes only a batch.rolled_back
    /// event and answers "BATCH {zero-based index} {verdict}". Returns {'OK', result json} or {'DUP', result json}.
    /// </summary>
    public static string Batch { get; } = $$"""
        {{TransitionFunctions()}}
        local key = p .. 'batch:' .. ARGV[2]
        local done = redis.call('GET', key)
        if done then return {'DUP', done} end
        local transitions, orders, drivers, at = {}, {}, {}, 11
        for i = 1, tonumber(ARGV[10]) do
          local t
          t, at = read_transition(at)
          local verdict, reason = check(t, orders, drivers)
          if verdict then
            -- Nothing of the batch is written; only the news that it was rolled back, and why.
            local detail = {{LuaText.Expression(BatchFailedException.Describe(
                LuaText.Value("i"), LuaText.Value("string.sub(t.id, 1, 8)"), LuaText.Value("t.expected"), LuaText.Value("t.to"), LuaText.Value("reason")))}}
            local event = cjson.encode({event_id = '', event_type = '{{OrderEventTypes.BatchRolledBack}}', timestamp = ARGV[8], actor = ARGV[7],
              correlation_id = correlation, version = 0, detail = detail})
            wake(redis.call('XADD', p .. 'events', 'MAXLEN', trim, feed_length, '*', 'event', event))
            return redis.error_reply('BATCH ' .. (i - 1) .. ' ' .. verdict)
          end
          transitions[i] = t
        end
        -- Every check has passed; only now does anything change.
        local last
        for _, t in ipairs(transitions) do last = write(t) end
        wake(last)
        redis.call('SET', key, ARGV[9], 'EX', ARGV[5])
        return {'OK', ARGV[9]}
        """;

    /// <summary>ARGV: prefix, driver id, latitude, longitude, timestamp, actor, feed trim, feed length. Returns the driver's json, or NODRIVER.</summary>
    public static string ReportPosition { get; } = """
        local p = ARGV[1]
        local key = p .. 'driver:' .. ARGV[2]
        local json = redis.call('HGET', key, 'json')
        if not json then return redis.error_reply('NODRIVER ' .. ARGV[2]) end
        local driver = cjson.decode(json)
        driver.latitude = tonumber(ARGV[3])
        driver.longitude = tonumber(ARGV[4])
        driver.location_updated_at = ARGV[5]
        driver.updated_at = ARGV[5]
        -- Every check has passed; only now does anything change.
        json = cjson.encode(driver)
        redis.call('HSET', key, 'json', json)
        redis.call('GEOADD', p .. 'drivers:geo', ARGV[4], ARGV[3], ARGV[2])
        local event = cjson.encode({event_id = '', event_type = 'driver.updated', driver = driver, timestamp = ARGV[5], actor = ARGV[6], version = 0})
        local id = redis.call('XADD', p .. 'events', 'MAXLEN', ARGV[7], ARGV[8], '*', 'event', event)
        redis.call('PUBLISH', p .. 'events:wake', id)
        return json
        """;

    /// <summary>ARGV: prefix, driver id, driver json, status, longitude or "", latitude or "", event json, feed trim, feed length.</summary>
    public static string SaveDriver { get; } = """
        local p = ARGV[1]
        redis.call('HSET', p .. 'driver:' .. ARGV[2], 'json', ARGV[3], 'status', ARGV[4])
        redis.call('SADD', p .. 'drivers', ARGV[2])
        if ARGV[5] ~= '' then
          redis.call('GEOADD', p .. 'drivers:geo', ARGV[5], ARGV[6], ARGV[2])
        else
          redis.call('ZREM', p .. 'drivers:geo', ARGV[2])
        end
        local id = redis.call('XADD', p .. 'events', 'MAXLEN', ARGV[8], ARGV[9], '*', 'event', ARGV[7])
        redis.call('PUBLISH', p .. 'events:wake', id)
        return id
        """;

    /// <summary>
    /// ARGV: prefix, supplier id, supplier json, normalized name, tracking prefix, event json, feed trim, feed length.
    /// Refuses with "TAKEN name" or "TAKEN tracking_prefix" when another supplier holds either; otherwise moves the
    /// supplier's name and prefix claims to the new ones, stores it and appends its event. Returns the feed id.
    /// </summary>
    public static string SaveSupplier { get; } = """
        local p, id = ARGV[1], ARGV[2]
        local names, prefixes, claims = p .. 'suppliers:names', p .. 'suppliers:prefixes', p .. 'suppliers:claims'
        local owner = redis.call('HGET', names, ARGV[4])
        if owner and owner ~= id then return redis.error_reply('TAKEN name') end
        owner = redis.call('HGET', prefixes, ARGV[5])
        if owner and owner ~= id then return redis.error_reply('TAKEN tracking_prefix') end
        -- Every check has passed; only now does anything change.
        local old = redis.call('HGET', claims, id)
        if old then
          old = cjson.decode(old)
          redis.call('HDEL', names, old.name)
          redis.call('HDEL', prefixes, old.prefix)
        end
        redis.call('HSET', names, ARGV[4], id)
        redis.call('HSET', prefixes, ARGV[5], id)
        redis.call('HSET', claims, id, cjson.encode({name = ARGV[4], prefix = ARGV[5]}))
        redis.call('HSET', p .. 'suppliers', id, ARGV[3])
        local event_id = redis.call('XADD', p .. 'events', 'MAXLEN', ARGV[7], ARGV[8], '*', 'event', ARGV[6])
        redis.call('PUBLISH', p .. 'events:wake', event_id)
        return event_id
        """;

    /// <summary>
    /// ARGV: prefix, driver id, the driver json the change was computed from, the changed driver json, its status,
    /// event json, feed trim, feed length. Writes only while the driver is still stored as read (else "CHANGED",
    /// and the caller computes the change again from the driver as it now is; "NODRIVER" when it is gone).
    /// </summary>
    public static string ChangeDriver { get; } = """
        local p = ARGV[1]
        local key = p .. 'driver:' .. ARGV[2]
        local json = redis.call('HGET', key, 'json')
        if not json then return redis.error_reply('NODRIVER ' .. ARGV[2]) end
        if json ~= ARGV[3] then return redis.error_reply('CHANGED ' .. ARGV[2]) end
        -- Every check has passed; only now does anything change.
        redis.call('HSET', key, 'json', ARGV[4], 'status', ARGV[5])
        local id = redis.call('XADD', p .. 'events', 'MAXLEN', ARGV[7], ARGV[8], '*', 'event', ARGV[6])
        redis.call('PUBLISH', p .. 'events:wake', id)
        return id
        """;

    /// <summary>ARGV: prefix, feed trim, feed length, event json. Appends an event that changes nothing else (a rolled-back batch).</summary>
    public static string RecordEvent { get; } = """
        local p = ARGV[1]
        local id = redis.call('XADD', p .. 'events', 'MAXLEN', ARGV[2], ARGV[3], '*', 'event', ARGV[4])
        redis.call('PUBLISH', p .. 'events:wake', id)
        return id
        """;

    /// <summary>
    /// ARGV: prefix, command id, order id, the order's version as the note saw it, event json, feed trim, feed length,
    /// command ttl seconds. Appends a note about the order (which it leaves unchanged) to the feed and its history, once per
    /// command id. Returns 'OK', 'DUP' (already noted), 'NOTFOUND', or 'CHANGED' when the order moved on meanwhile.
    /// </summary>
    public static string RecordOrderNote { get; } = """
        local p = ARGV[1]
        local cmd = p .. 'cmd:' .. ARGV[2]
        if redis.call('EXISTS', cmd) == 1 then return 'DUP' end
        local key = p .. 'order:' .. ARGV[3]
        local version = redis.call('HGET', key, 'version')
        if not version then return 'NOTFOUND' end
        if version ~= ARGV[4] then return 'CHANGED' end
        -- Every check has passed; only now does anything change.
        local id = redis.call('XADD', p .. 'events', 'MAXLEN', ARGV[6], ARGV[7], '*', 'event', ARGV[5])
        redis.call('RPUSH', p .. 'history:' .. ARGV[3], id .. ' ' .. ARGV[5])
        redis.call('SET', cmd, redis.call('HGET', key, 'json'), 'EX', ARGV[8])
        redis.call('PUBLISH', p .. 'events:wake', id)
        return 'OK'
        """;

    /// <summary>ARGV: prefix, settings json, event json, feed trim, feed length. Replaces the settings and appends their event.</summary>
    public static string SaveSettings { get; } = """
        local p = ARGV[1]
        redis.call('SET', p .. 'settings', ARGV[2])
        local id = redis.call('XADD', p .. 'events', 'MAXLEN', ARGV[4], ARGV[5], '*', 'event', ARGV[3])
        redis.call('PUBLISH', p .. 'events:wake', id)
        return id
        """;

    /// <summary>Every script, for loading them on the server at connect.</summary>
    public static IReadOnlyList<string> All => [Create, Transition, Batch, ReportPosition, SaveDriver, ChangeDriver, SaveSupplier, RecordEvent, RecordOrderNote, SaveSettings, SetStock];

    /// <summary>
    /// ARGV: prefix, supplier id, item key, item name, quantity or "" to remove the level (the item becomes unlimited).
    /// Changes no order and appends nothing to the feed.
    /// </summary>
    public static string SetStock { get; } = """
        local p = ARGV[1]
        if ARGV[5] == '' then
          redis.call('HDEL', p .. 'stock:' .. ARGV[2], ARGV[3])
          redis.call('HDEL', p .. 'stock-names:' .. ARGV[2], ARGV[3])
        else
          redis.call('HSET', p .. 'stock:' .. ARGV[2], ARGV[3], ARGV[5])
          redis.call('HSET', p .. 'stock-names:' .. ARGV[2], ARGV[3], ARGV[4])
        end
        return 'OK'
        """;

    private static readonly string[] s_verdicts = ["DUPLICATE", "NOTFOUND", "CONFLICT", "ILLEGAL", "NODRIVER", "DRIVERBUSY", "BATCH", "TAKEN", "CHANGED", "NOSTOCK", "USEDUP"];

    /// <summary>Is this error one of the scripts' own answers, rather than the server refusing to run them?</summary>
    public static bool IsScriptVerdict(RedisServerException error) => s_verdicts.Contains(RedisStoreErrors.Code(error));

    /// <summary>
    /// What the transition and batch scripts share, so checking and writing a transition is written once:
    /// <c>read_transition(at)</c> reads one transition from ARGV (order id, expected status, expected version,
    /// next status, next version, score, order json, event json, actor, timestamp, driver count, then per driver:
    /// id, new status, order id or "", must be available "1"/"0"; stock count, then per change: supplier id, item key, change;
    /// then the discount use: supplier id or "", code, limit or "") and returns it with where the next one starts;
    /// <c>check(t, orders, drivers)</c> returns a verdict and its words for people, or nothing;
    /// <c>write(t)</c> writes a checked transition and returns the id of its last feed entry; <c>wake(id)</c> publishes the wake-up.
    /// </summary>
    private static string TransitionFunctions() => $$"""
        local p, trim, feed_length = ARGV[1], ARGV[3], ARGV[4]
        local correlation = ARGV[6] ~= '' and ARGV[6] or nil
        local allowed = {{{TransitionTable()}}}
        local function read_transition(at)
          local t = {id = ARGV[at], expected = ARGV[at + 1], expected_version = tonumber(ARGV[at + 2]), to = ARGV[at + 3],
            version = tonumber(ARGV[at + 4]), score = ARGV[at + 5], json = ARGV[at + 6], event = ARGV[at + 7], actor = ARGV[at + 8],
            at = ARGV[at + 9], drivers = {} }
          local count = tonumber(ARGV[at + 10])
          at = at + 11
          for i = 1, count do
            t.drivers[i] = {id = ARGV[at], status = ARGV[at + 1], order = ARGV[at + 2], must_be_available = ARGV[at + 3] == '1'}
            at = at + 4
          end
          t.stock = {}
          count = tonumber(ARGV[at])
          at = at + 1
          for i = 1, count do
            t.stock[i] = {key = p .. 'stock:' .. ARGV[at], names = p .. 'stock-names:' .. ARGV[at], item = ARGV[at + 1], change = tonumber(ARGV[at + 2])}
            at = at + 3
          end
          if ARGV[at] ~= '' then
            t.discount = {key = p .. 'discount-uses:' .. ARGV[at], code = ARGV[at + 1], limit = tonumber(ARGV[at + 2])}
          end
          return t, at + 3
        end
        -- Stock levels ({p}stock:{supplier} hash: item key -> quantity, and {p}stock-names:{supplier}: item key -> name)
        -- and code uses ({p}discount-uses:{supplier}: code -> count) as earlier transitions of the script leave them.
        local levels, uses = {}, {}
        local function level_of(s)
          local id = s.key .. ' ' .. s.item
          if levels[id] == nil then
            local v = redis.call('HGET', s.key, s.item)
            levels[id] = v and tonumber(v) or false
          end
          return levels[id], id
        end
        -- Checks a transition's stock changes and code use; on success records what they leave. Writes nothing.
        local function check_stock(t)
          local after = {}
          for _, s in ipairs(t.stock) do
            local left, id = level_of(s)
            s.tracked = left ~= false
            if s.tracked then
              if left + s.change < 0 then
                local name = redis.call('HGET', s.names, s.item) or s.item
                return 'NOSTOCK ' .. left .. ' ' .. (-s.change) .. ' ' .. name,
                  {{LuaText.Expression(OutOfStockException.Describe(LuaText.Value("name"), LuaText.Value("left"), LuaText.Value("-s.change")))}}
              end
              after[id] = left + s.change
            end
          end
          local d = t.discount
          if d then
            local id = d.key .. ' ' .. d.code
            if uses[id] == nil then uses[id] = tonumber(redis.call('HGET', d.key, d.code) or '0') end
            if d.limit and uses[id] + 1 > d.limit then
              return 'USEDUP ' .. d.limit .. ' ' .. d.code,
                {{LuaText.Expression(DiscountUsedUpException.Describe(LuaText.Value("d.code"), LuaText.Value("d.limit")))}}
            end
            uses[id] = uses[id] + 1
          end
          for id, left in pairs(after) do levels[id] = left end
        end
        -- Checks against the order and drivers as they stand, or as earlier transitions of the same script left
        -- them in `orders` and `drivers`; a transition that passes records its changes there. Writes nothing.
        local function check(t, orders, drivers)
          local current = orders[t.id]
          if not current then
            local h = redis.call('HMGET', p .. 'order:' .. t.id, 'status', 'version', 'supplier_id')
            if not h[1] then return 'NOTFOUND order ' .. t.id, {{LuaText.Expression(OrderNotFoundException.Describe(LuaText.Value("t.id")))}} end
            current = {status = h[1], version = tonumber(h[2]), supplier = h[3]}
            orders[t.id] = current
          end
          local short, status, version = string.sub(t.id, 1, 8), current.status, current.version
          local illegal = {{LuaText.Expression(IllegalTransitionException.Describe(LuaText.Value("short"), LuaText.Value("status"), LuaText.Value("t.to")))}}
          local move = status .. '>' .. t.to
          if status ~= t.expected and not allowed[move] then return 'ILLEGAL ' .. status, illegal end
          if status ~= t.expected or version ~= t.expected_version then
            return 'CONFLICT ' .. status .. ' ' .. version,
              {{LuaText.Expression(TransitionChecks.DescribeConflict(LuaText.Value("short"), LuaText.Value("status"), LuaText.Value("version")))}}
          end
          if t.version ~= version + 1 or not allowed[move] then return 'ILLEGAL ' .. status, illegal end
          for _, d in ipairs(t.drivers) do
            local driver = drivers[d.id]
            if not driver then
              local h = redis.call('HMGET', p .. 'driver:' .. d.id, 'json', 'status')
              if not h[1] then return 'NODRIVER ' .. d.id, {{LuaText.Expression(TransitionChecks.DescribeNoDriver(LuaText.Value("d.id")))}} end
              driver = {json = cjson.decode(h[1]), status = h[2]}
              drivers[d.id] = driver
            end
            if d.must_be_available and driver.status ~= 'available' then
              local driver_name = type(driver.json.name) == 'string' and driver.json.name or d.id
              return 'DRIVERBUSY ' .. driver.status .. ' ' .. driver_name,
                {{LuaText.Expression(TransitionChecks.DescribeDriverNotAvailable(LuaText.Value("driver_name"), LuaText.Value("string.gsub(driver.status, '_', ' ')")))}}
            end
          end
          local no_stock, words = check_stock(t)
          if no_stock then return no_stock, words end
          t.from, t.supplier = status, current.supplier
          current.status, current.version = t.to, t.version
          for _, d in ipairs(t.drivers) do
            local driver = drivers[d.id]
            driver.status = d.status
            driver.json.status = d.status
            if d.order == '' then driver.json.order_id = nil else driver.json.order_id = d.order end
            driver.json.updated_at = t.at
            d.json = cjson.encode(driver.json)
            d.event = cjson.encode({event_id = '', event_type = '{{OrderEventTypes.DriverUpdated}}', driver = driver.json, timestamp = t.at, actor = t.actor,
              correlation_id = correlation, version = 0})
          end
        end
        local function write(t)
          redis.call('HSET', p .. 'order:' .. t.id, 'json', t.json, 'status', t.to, 'version', t.version)
          redis.call('ZREM', p .. 'status:' .. t.from, t.id)
          redis.call('ZADD', p .. 'status:' .. t.to, t.score, t.id)
          redis.call('ZADD', p .. 'supplier:' .. t.supplier, t.score, t.id)
          redis.call('ZADD', p .. 'orders', t.score, t.id)
          local id = redis.call('XADD', p .. 'events', 'MAXLEN', trim, feed_length, '*', 'event', t.event)
          redis.call('RPUSH', p .. 'history:' .. t.id, id .. ' ' .. t.event)
          for _, d in ipairs(t.drivers) do
            redis.call('HSET', p .. 'driver:' .. d.id, 'json', d.json, 'status', d.status)
            id = redis.call('XADD', p .. 'events', 'MAXLEN', trim, feed_length, '*', 'event', d.event)
          end
          for _, s in ipairs(t.stock) do
            if s.tracked then redis.call('HINCRBY', s.key, s.item, s.change) end
          end
          if t.discount then redis.call('HINCRBY', t.discount.key, t.discount.code, 1) end
          return id
        end
        -- The small wake-up every instance's feed listens for; the stream itself stays the record.
        local function wake(id)
          redis.call('PUBLISH', p .. 'events:wake', id)
        end
        """;

    /// <summary>The transition table as a Lua table literal: <c>['ready>dispatched'] = true, …</c>.</summary>
    private static string TransitionTable()
    {
        var table = new StringBuilder();
        foreach (var (from, to) in OrderTransitions.AllowedMoves)
        {
            table.Append("['").Append(from.ToWireName()).Append('>').Append(to.ToWireName()).Append("'] = true, ");
        }

        return table.ToString();
    }
}
