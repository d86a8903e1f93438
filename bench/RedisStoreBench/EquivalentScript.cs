namespace RedisStoreBench;

/// <summary>
/// What one transition costs the server, as one script redis-benchmark can repeat: the transition script's reads
/// and writes (check the order, rewrite its hash and indexes, append to the feed and history, remember the command,
/// publish the wake-up) with payloads of the same size, on a random order each time (redis-benchmark's
/// <c>__rand_int__</c>), so no check ever refuses it.
/// </summary>
internal static class EquivalentScript
{
    public const string Text = """
        local p, id = 'eq:', ARGV[1]
        redis.call('GET', p .. 'cmd:' .. id)
        redis.call('HMGET', p .. 'order:' .. id, 'status', 'version', 'supplier_id')
        redis.call('HSET', p .. 'order:' .. id, 'json', ARGV[2], 'status', 'supplier_accepted', 'version', 2)
        redis.call('ZREM', p .. 'status:pending_supplier', id)
        redis.call('ZADD', p .. 'status:supplier_accepted', 1, id)
        redis.call('ZADD', p .. 'supplier:bench', 1, id)
        redis.call('ZADD', p .. 'orders', 1, id)
        local entry = redis.call('XADD', p .. 'events', 'MAXLEN', '~', 100000, '*', 'event', ARGV[3])
        redis.call('RPUSH', p .. 'history:' .. id, entry .. ' ' .. ARGV[3])
        redis.call('SET', p .. 'cmd:' .. id, ARGV[2], 'EX', 86400)
        redis.call('PUBLISH', p .. 'events:wake', entry)
        return {'OK', ARGV[2]}
        """;
}
