using System.Text;
using OrderConsole.Core.Orders;
using OrderConsole.Core.Redis;

namespace OrderConsole.Core.Storage.Redis;

/// <summary>
/// The Lua scripts of the Redis store, one per command. Each makes every check before its first write,
/// because a Lua error does not undo earlier writes. Errors start with a word the store maps to a domain
/// error: DUPLICATE, NOTFOUND, CONFLICT, ILLEGAL, NODRIVER, DRIVERBUSY.
/// </summary>
internal static class RedisScripts
{
    /// <summary>
    /// ARGV: prefix, command id, order id, tracking id, token, supplier id, supplier prefix, status, score,
    /// order json, event json, feed trim ("~" or "="), feed length, command ttl seconds.
    /// The order's supplier_tracking_id is written as "" by the caller and filled in here from the sequence.
    /// </summary>
    public static RedisScript Create { get; } = new("""
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
        return {'OK', order}
        """);

    /// <summary>
    /// ARGV: prefix, command id, order id, expected status, expected version, next status, next version, score,
    /// order json, event json, feed trim, feed length, command ttl seconds, actor, timestamp, driver count,
    /// then per driver: id, new status, order id or "", must be available ("1"/"0").
    /// </summary>
    public static RedisScript Transition { get; } = new($$"""
        local p = ARGV[1]
        local cmd = p .. 'cmd:' .. ARGV[2]
        local done = redis.call('GET', cmd)
        if done then return {'DUP', done} end
        local key = p .. 'order:' .. ARGV[3]
        local current = redis.call('HMGET', key, 'status', 'version', 'supplier_id')
        if not current[1] then return redis.error_reply('NOTFOUND order ' .. ARGV[3]) end
        local status, version, supplier = current[1], tonumber(current[2]), current[3]
        local allowed = {{{TransitionTable()}}}
        local move = status .. '>' .. ARGV[6]
        if status ~= ARGV[4] and not allowed[move] then return redis.error_reply('ILLEGAL ' .. status) end
        if status ~= ARGV[4] or version ~= tonumber(ARGV[5]) then
          return redis.error_reply('CONFLICT ' .. status .. ' ' .. version)
        end
        if tonumber(ARGV[7]) ~= version + 1 or not allowed[move] then return redis.error_reply('ILLEGAL ' .. status) end
        local drivers = {}
        for i = 0, tonumber(ARGV[16]) - 1 do
          local at = 17 + i * 4
          local dkey = p .. 'driver:' .. ARGV[at]
          local d = redis.call('HMGET', dkey, 'json', 'status')
          if not d[1] then return redis.error_reply('NODRIVER ' .. ARGV[at]) end
          if ARGV[at + 3] == '1' and d[2] ~= 'available' then
            return redis.error_reply('DRIVERBUSY ' .. ARGV[at] .. ' ' .. d[2])
          end
          local driver = cjson.decode(d[1])
          driver.status = ARGV[at + 1]
          if ARGV[at + 2] == '' then driver.order_id = nil else driver.order_id = ARGV[at + 2] end
          driver.updated_at = ARGV[15]
          drivers[#drivers + 1] = {dkey, driver, ARGV[at + 1]}
        end
        -- Every check has passed; only now does anything change.
        redis.call('HSET', key, 'json', ARGV[9], 'status', ARGV[6], 'version', ARGV[7])
        redis.call('ZREM', p .. 'status:' .. status, ARGV[3])
        redis.call('ZADD', p .. 'status:' .. ARGV[6], ARGV[8], ARGV[3])
        redis.call('ZADD', p .. 'supplier:' .. supplier, ARGV[8], ARGV[3])
        redis.call('ZADD', p .. 'orders', ARGV[8], ARGV[3])
        local id = redis.call('XADD', p .. 'events', 'MAXLEN', ARGV[11], ARGV[12], '*', 'event', ARGV[10])
        redis.call('RPUSH', p .. 'history:' .. ARGV[3], id .. ' ' .. ARGV[10])
        for _, d in ipairs(drivers) do
          redis.call('HSET', d[1], 'json', cjson.encode(d[2]), 'status', d[3])
          local event = cjson.encode({event_id = '', event_type = 'driver.updated', driver = d[2], timestamp = ARGV[15], actor = ARGV[14], version = 0})
          redis.call('XADD', p .. 'events', 'MAXLEN', ARGV[11], ARGV[12], '*', 'event', event)
        end
        redis.call('SET', cmd, ARGV[9], 'EX', ARGV[13])
        return {'OK', ARGV[9]}
        """);

    /// <summary>ARGV: prefix, driver id, latitude, longitude, timestamp, actor, feed trim, feed length. Returns the driver's json, or NODRIVER.</summary>
    public static RedisScript ReportPosition { get; } = new("""
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
        redis.call('XADD', p .. 'events', 'MAXLEN', ARGV[7], ARGV[8], '*', 'event', event)
        return json
        """);

    /// <summary>ARGV: prefix, driver id, driver json, status, longitude or "", latitude or "", event json, feed trim, feed length.</summary>
    public static RedisScript SaveDriver { get; } = new("""
        local p = ARGV[1]
        redis.call('HSET', p .. 'driver:' .. ARGV[2], 'json', ARGV[3], 'status', ARGV[4])
        redis.call('SADD', p .. 'drivers', ARGV[2])
        if ARGV[5] ~= '' then
          redis.call('GEOADD', p .. 'drivers:geo', ARGV[5], ARGV[6], ARGV[2])
        else
          redis.call('ZREM', p .. 'drivers:geo', ARGV[2])
        end
        return redis.call('XADD', p .. 'events', 'MAXLEN', ARGV[8], ARGV[9], '*', 'event', ARGV[7])
        """);

    private static readonly string[] s_verdicts = ["DUPLICATE", "NOTFOUND", "CONFLICT", "ILLEGAL", "NODRIVER", "DRIVERBUSY"];

    /// <summary>Is this error one of the scripts' own answers, rather than the server refusing to run them?</summary>
    public static bool IsScriptVerdict(RedisServerException error) => s_verdicts.Contains(error.Prefix);

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
