namespace OrderConsole.Core.Storage.Redis;

/// <summary>The Lua scripts of the workers' consumer groups: an acknowledgement and a dead letter each forget the event's failed attempts in the same step.</summary>
internal static class RedisWorkerScripts
{
    /// <summary>ARGV: stream key, group, attempts key, entry id. Acknowledges the entry and forgets its failures.</summary>
    public static string Acknowledge { get; } = """
        redis.call('XACK', ARGV[1], ARGV[2], ARGV[4])
        redis.call('HDEL', ARGV[3], ARGV[4])
        return 1
        """;

    /// <summary>
    /// ARGV: stream key, group, attempts key, dead-letter key, about how many dead letters to keep, entry id, event type,
    /// event json, attempts, error, time. Adds the dead letter, then acknowledges the entry and forgets its failures.
    /// </summary>
    public static string DeadLetter { get; } = """
        redis.call('XADD', ARGV[4], 'MAXLEN', '~', ARGV[5], '*', 'event_id', ARGV[6], 'event_type', ARGV[7], 'event', ARGV[8], 'attempts', ARGV[9], 'error', ARGV[10], 'at', ARGV[11])
        redis.call('XACK', ARGV[1], ARGV[2], ARGV[6])
        redis.call('HDEL', ARGV[3], ARGV[6])
        return 1
        """;

    /// <summary>
    /// ARGV: stream key, group. Creates the group at the newest entry unless it exists (returns 1, else 0), telling
    /// the server how many entries came before it (<c>ENTRIESREAD</c>): without that Redis 7.0 cannot say the group's lag.
    /// </summary>
    public static string CreateGroup { get; } = """
        if redis.call('EXISTS', ARGV[1]) == 0 then
          redis.call('XGROUP', 'CREATE', ARGV[1], ARGV[2], '$', 'MKSTREAM', 'ENTRIESREAD', 0)
          return 1
        end
        local groups = redis.call('XINFO', 'GROUPS', ARGV[1])
        for _, group in ipairs(groups) do
          for i = 1, #group, 2 do
            if group[i] == 'name' and group[i + 1] == ARGV[2] then return 0 end
          end
        end
        local info = redis.call('XINFO', 'STREAM', ARGV[1])
        local added = 0
        for i = 1, #info, 2 do
          if info[i] == 'entries-added' then added = info[i + 1] end
        end
        redis.call('XGROUP', 'CREATE', ARGV[1], ARGV[2], '$', 'ENTRIESREAD', added)
        return 1
        """;

    public static IReadOnlyList<string> All => [Acknowledge, DeadLetter, CreateGroup];
}
