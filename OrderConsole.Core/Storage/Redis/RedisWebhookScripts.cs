namespace OrderConsole.Core.Storage.Redis;

/// <summary>The Lua scripts of webhook deliveries: keeping one, saving its state with its place among the due retries, claiming due ones.</summary>
internal static class RedisWebhookScripts
{
    /// <summary>ARGV: prefix, subscription id, delivery id, json, created (ms), deliveries kept. Returns the json kept (the existing one when the id is taken).</summary>
    public static string Add { get; } = """
        local p = ARGV[1]
        local key = p .. 'webhook:delivery:' .. ARGV[3]
        local existing = redis.call('GET', key)
        if existing then return existing end
        redis.call('SET', key, ARGV[4])
        local log = p .. 'webhook:' .. ARGV[2] .. ':deliveries'
        redis.call('ZADD', log, ARGV[5], ARGV[3])
        local extra = redis.call('ZCARD', log) - tonumber(ARGV[6])
        if extra > 0 then
          for _, old in ipairs(redis.call('ZRANGE', log, 0, extra - 1)) do
            redis.call('DEL', p .. 'webhook:delivery:' .. old)
          end
          redis.call('ZREMRANGEBYRANK', log, 0, extra - 1)
        end
        return ARGV[4]
        """;

    /// <summary>ARGV: prefix, subscription id, delivery id, json, due (ms) or "". Saves it while its subscription exists; due: among the retries.</summary>
    public static string Save { get; } = """
        local p = ARGV[1]
        if redis.call('HEXISTS', p .. 'webhooks', ARGV[2]) == 0 then return 0 end
        redis.call('SET', p .. 'webhook:delivery:' .. ARGV[3], ARGV[4])
        if ARGV[5] == '' then
          redis.call('ZREM', p .. 'webhooks:due', ARGV[3])
        else
          redis.call('ZADD', p .. 'webhooks:due', ARGV[5], ARGV[3])
        end
        return 1
        """;

    /// <summary>ARGV: prefix, now (ms), lease end (ms), max. Returns the jsons of due deliveries, each pushed back to the lease end.</summary>
    public static string ClaimDue { get; } = """
        local p = ARGV[1]
        local due = p .. 'webhooks:due'
        local claimed = {}
        for _, id in ipairs(redis.call('ZRANGEBYSCORE', due, '-inf', ARGV[2], 'LIMIT', 0, tonumber(ARGV[4]))) do
          local json = redis.call('GET', p .. 'webhook:delivery:' .. id)
          if json then
            redis.call('ZADD', due, ARGV[3], id)
            claimed[#claimed + 1] = json
          else
            redis.call('ZREM', due, id)
          end
        end
        return claimed
        """;

    /// <summary>ARGV: prefix, subscription id. Deletes the subscription with its deliveries; returns 0 when it did not exist.</summary>
    public static string Delete { get; } = """
        local p = ARGV[1]
        if redis.call('HDEL', p .. 'webhooks', ARGV[2]) == 0 then return 0 end
        local log = p .. 'webhook:' .. ARGV[2] .. ':deliveries'
        for _, id in ipairs(redis.call('ZRANGE', log, 0, -1)) do
          redis.call('DEL', p .. 'webhook:delivery:' .. id)
          redis.call('ZREM', p .. 'webhooks:due', id)
        end
        redis.call('DEL', log)
        return 1
        """;

    public static IReadOnlyList<string> All => [Add, Save, ClaimDue, Delete];
}
