using OrderConsole.Core.Redis;
using OrderConsole.Tests.Infrastructure;
using OrderConsole.Tests.Support;

namespace OrderConsole.Tests.Redis;

/// <summary>Faults against a real server: killed clients, a paused or sleeping server, a flushed script cache, no memory.</summary>
[Collection(RedisFaultCollection.Name)]
public sealed class RedisFaultTests(RedisServerFixture server)
{
    [Fact]
    public async Task Killing_the_connection_mid_pipeline_fails_in_flight_commands_as_outcome_unknown()
    {
        await using var admin = await server.ConnectAsync("name=admin");
        await using var redis = await server.ConnectAsync("name=victim");

        var inFlight = await StartBlockedPipelineAsync(admin, redis);
        await admin.ExecuteAsync("CLIENT", "KILL", "TYPE", "normal");

        foreach (var command in inFlight)
        {
            var error = await Assert.ThrowsAsync<RedisOutcomeUnknownException>(() => command);
            Assert.Contains("may or may not have been applied", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task After_its_connection_is_killed_the_client_reconnects_and_later_commands_succeed()
    {
        await using var admin = await server.ConnectAsync("name=admin");
        await using var redis = await server.ConnectAsync("name=victim");
        var states = new List<RedisConnectionState>();
        redis.StateChanged += (_, change) =>
        {
            lock (states)
            {
                states.Add(change.Current);
            }
        };

        var inFlight = await StartBlockedPipelineAsync(admin, redis);
        await admin.ExecuteAsync("CLIENT", "KILL", "TYPE", "normal");
        await Task.WhenAll(inFlight.Select(t => t.ContinueWith(_ => { }, TaskScheduler.Default)));
        await Eventually.HoldsAsync(() => redis.State == RedisConnectionState.Connected, "reconnecting");

        Assert.Equal("after-kill", (await redis.ExecuteAsync("ECHO", "after-kill")).AsString());
        lock (states)
        {
            Assert.Equal([RedisConnectionState.Reconnecting, RedisConnectionState.Connected], states);
        }
    }

    [Fact]
    public async Task Commands_issued_while_the_server_is_down_fail_fast_and_work_again_once_it_is_back()
    {
        await using var redis = await server.ConnectAsync();
        try
        {
            server.Kill();
            await Eventually.HoldsAsync(() => redis.State == RedisConnectionState.Reconnecting, "noticing the server is gone");

            var error = await Assert.ThrowsAsync<RedisConnectionException>(() => redis.ExecuteAsync("PING"));
            Assert.Contains("was not sent", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            await server.StartAsync();
        }

        await Eventually.HoldsAsync(() => redis.State == RedisConnectionState.Connected, "reconnecting to the restarted server");
        Assert.Equal("PONG", (await redis.ExecuteAsync("PING")).AsString());
    }

    [Fact]
    public async Task A_heartbeat_without_a_reply_drops_the_socket_and_reconnects()
    {
        await using var admin = await server.ConnectAsync("commandTimeout=30000");
        var options = RedisConnectionOptions.Parse(server.ConnectionString) with { HeartbeatInterval = TimeSpan.FromMilliseconds(200) };
        await using var redis = await RedisConnection.ConnectAsync(options);
        var reconnecting = new TaskCompletionSource<Exception?>(TaskCreationOptions.RunContinuationsAsynchronously);
        redis.StateChanged += (_, change) =>
        {
            if (change.Current == RedisConnectionState.Reconnecting)
            {
                reconnecting.TrySetResult(change.Cause);
            }
        };

        await admin.ExecuteAsync("CLIENT", "PAUSE", 2000, "ALL");
        var cause = await reconnecting.Task.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Contains("heartbeat PING", cause!.Message, StringComparison.Ordinal);
        await Eventually.HoldsAsync(
            async () =>
            {
                try
                {
                    return (await redis.ExecuteAsync("PING")).AsString() == "PONG";
                }
                catch (RedisException)
                {
                    return false;
                }
            },
            "answering again on a new socket after the pause");
    }

    [Fact]
    public async Task A_paused_server_times_out_the_caller_and_later_commands_still_get_their_own_replies()
    {
        await using var admin = await server.ConnectAsync("commandTimeout=30000");
        await using var redis = await server.ConnectAsync("commandTimeout=300");

        await admin.ExecuteAsync("CLIENT", "PAUSE", 3000, "ALL");
        await Assert.ThrowsAsync<RedisTimeoutException>(() => redis.ExecuteAsync("SET", "paused:key", "written-late"));

        await AssertRepliesStayMatchedAsync(redis);
        Assert.Equal("written-late", (await redis.ExecuteAsync("GET", "paused:key")).AsString());
    }

    [Fact]
    public async Task A_command_stuck_behind_DEBUG_SLEEP_times_out_and_later_commands_still_get_their_own_replies()
    {
        await using var redis = await server.ConnectAsync("commandTimeout=300");

        var sleep = redis.ExecuteAsync("DEBUG", "SLEEP", 2);
        var behindIt = redis.ExecuteAsync("INCR", "slept:counter");
        await Assert.ThrowsAsync<RedisTimeoutException>(() => sleep);
        await Assert.ThrowsAsync<RedisTimeoutException>(() => behindIt);

        await AssertRepliesStayMatchedAsync(redis);
        Assert.Equal(1, (await redis.ExecuteAsync("GET", "slept:counter")).AsInt64());
    }

    [Fact]
    public async Task EVALSHA_after_SCRIPT_FLUSH_falls_back_to_EVAL_transparently()
    {
        await using var redis = await server.ConnectAsync();
        var script = new RedisScript("return redis.call('INCR', KEYS[1])");
        await redis.EvaluateAsync(script, ["flushed:counter"]);

        await redis.ExecuteAsync("SCRIPT", "FLUSH");
        var reply = await redis.EvaluateAsync(script, ["flushed:counter"]);

        Assert.Equal(2, reply.AsInt64());
        Assert.Equal(1, (await redis.ExecuteAsync("SCRIPT", "EXISTS", script.Sha1)).Elements[0].AsInt64());
    }

    [Fact]
    public async Task A_server_out_of_memory_surfaces_as_OOM_with_a_clear_message()
    {
        await using var redis = await server.ConnectAsync();
        await redis.ExecuteAsync("CONFIG", "SET", "maxmemory", 1);
        try
        {
            var error = await Assert.ThrowsAsync<RedisServerException>(() => redis.ExecuteAsync("SET", "no-room", "value"));

            Assert.Equal("OOM", error.Prefix);
            Assert.Contains("maxmemory", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            await redis.ExecuteAsync("CONFIG", "SET", "maxmemory", 0);
        }
    }

    /// <summary>Parks a BLPOP on the server with commands queued behind it, so all of them are in flight when the client is killed.</summary>
    private static async Task<List<Task<RedisReply>>> StartBlockedPipelineAsync(RedisConnection admin, RedisConnection redis)
    {
        var inFlight = new List<Task<RedisReply>> { redis.ExecuteAsync(["BLPOP", "never-filled", 0], timeout: Timeout.InfiniteTimeSpan) };
        inFlight.AddRange(Enumerable.Range(0, 100).Select(i => redis.ExecuteAsync(["SET", $"behind:{i}", i], timeout: Timeout.InfiniteTimeSpan)));
        await Eventually.HoldsAsync(
            async () => (await admin.ExecuteAsync("CLIENT", "LIST")).AsString()!.Contains("name=victim age=", StringComparison.Ordinal)
                && (await admin.ExecuteAsync("CLIENT", "LIST")).AsString()!.Contains("cmd=blpop", StringComparison.Ordinal),
            "the BLPOP reaching the server");
        return inFlight;
    }

    /// <summary>Retries until the server answers again, then checks many concurrent callers each get exactly their own reply.</summary>
    private static async Task AssertRepliesStayMatchedAsync(RedisConnection redis)
    {
        var probe = 0;
        await Eventually.HoldsAsync(
            async () =>
            {
                var expected = $"probe-{probe++}";
                try
                {
                    return (await redis.ExecuteAsync("ECHO", expected)).AsString() == expected;
                }
                catch (RedisTimeoutException)
                {
                    return false;
                }
            },
            "the server answering again");

        var replies = await Task.WhenAll(Enumerable.Range(0, 200).Select(i => redis.ExecuteAsync("ECHO", $"after-{i}")));
        Assert.All(Enumerable.Range(0, 200), i => Assert.Equal($"after-{i}", replies[i].AsString()));
    }
}
