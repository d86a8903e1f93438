namespace OrderConsole.Core.Storage.Redis;

/// <summary>The Lua scripts for user accounts; like the order scripts, every check comes before the first write.</summary>
internal static class RedisUserScripts
{
    /// <summary>ARGV: prefix, user id, normalized name, json, concurrency stamp. Returns 1, or 0 when the id or name is taken.</summary>
    public static string Create { get; } = """
        local p = ARGV[1]
        local key = p .. 'user:' .. ARGV[2]
        if redis.call('EXISTS', key) == 1 then return 0 end
        if redis.call('SETNX', p .. 'username:' .. ARGV[3], ARGV[2]) == 0 then return 0 end
        redis.call('HSET', key, 'json', ARGV[4], 'stamp', ARGV[5], 'name', ARGV[3])
        redis.call('SADD', p .. 'users', ARGV[2])
        return 1
        """;

    /// <summary>
    /// ARGV: prefix, user id, expected stamp, normalized name, json, new stamp. Returns 1, or 0 when the user is
    /// gone, was saved since the expected stamp, or the new name belongs to someone else.
    /// </summary>
    public static string Update { get; } = """
        local p = ARGV[1]
        local key = p .. 'user:' .. ARGV[2]
        local current = redis.call('HMGET', key, 'stamp', 'name')
        if not current[1] or current[1] ~= ARGV[3] then return 0 end
        local renamed = current[2] ~= ARGV[4]
        if renamed then
          local owner = redis.call('GET', p .. 'username:' .. ARGV[4])
          if owner and owner ~= ARGV[2] then return 0 end
        end
        if renamed then
          redis.call('DEL', p .. 'username:' .. current[2])
          redis.call('SET', p .. 'username:' .. ARGV[4], ARGV[2])
        end
        redis.call('HSET', key, 'json', ARGV[5], 'stamp', ARGV[6], 'name', ARGV[4])
        return 1
        """;

    /// <summary>ARGV: prefix, user id.</summary>
    public static string Delete { get; } = """
        local p = ARGV[1]
        local key = p .. 'user:' .. ARGV[2]
        local name = redis.call('HGET', key, 'name')
        if name then redis.call('DEL', p .. 'username:' .. name) end
        redis.call('DEL', key)
        redis.call('SREM', p .. 'users', ARGV[2])
        return 1
        """;

    /// <summary>Every script, for loading them on the server at connect.</summary>
    public static IReadOnlyList<string> All => [Create, Update, Delete];
}
