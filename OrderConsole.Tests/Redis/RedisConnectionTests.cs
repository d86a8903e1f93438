using System.Diagnostics.Metrics;
using OrderConsole.Core.Redis;
using OrderConsole.Tests.Infrastructure;
using OrderConsole.Tests.Support;

namespace OrderConsole.Tests.Redis;

[Collection(RedisCollection.Name)]
public sealed class RedisConnectionTests(RedisServerFixture server)
{
    [Fact]
    public async Task A_value_set_is_read_back()
    {
        await using var redis = await server.ConnectAsync();

        await redis.ExecuteAsync("SET", "greeting", "hello");

        Assert.Equal("hello", (await redis.ExecuteAsync("GET", "greeting")).AsString());
    }

    [Fact]
    public async Task A_missing_key_reads_as_a_null_bulk_string()
    {
        await using var redis = await server.ConnectAsync();

        var reply = await redis.ExecuteAsync("GET", "no-such-key");

        Assert.True(reply.IsNull);
    }

    [Fact]
    public async Task A_blocking_pop_that_times_out_reads_as_a_null_array()
    {
        await using var redis = await server.ConnectAsync();

        var reply = await redis.ExecuteAsync("BLPOP", "empty-list", "0.01");

        Assert.Equal((RedisReplyKind.Array, true), (reply.Kind, reply.IsNull));
    }

    [Fact]
    public async Task Nested_arrays_from_a_script_keep_their_shape()
    {
        await using var redis = await server.ConnectAsync();

        var reply = await redis.ExecuteAsync("EVAL", "return {1, {'a', {'b'}}, redis.status_reply('fine')}", 0);

        Assert.Equal("[Integer:1,[$61,[$62]],SimpleString:fine]", RespTestData.Describe(reply));
    }

    [Theory]
    [InlineData(10 * 1024 * 1024)]
    [InlineData((16 * 1024 * 1024) + 7)]
    public async Task A_large_value_round_trips_byte_for_byte(int size)
    {
        await using var redis = await server.ConnectAsync("commandTimeout=30000");
        var value = new byte[size];
        new Random(size).NextBytes(value);

        await redis.ExecuteAsync("SET", $"large:{size}", value);
        var reply = await redis.ExecuteAsync("GET", $"large:{size}");

        Assert.True(value.AsSpan().SequenceEqual(reply.Bytes.Span));
    }

    [Fact]
    public async Task Ten_thousand_concurrent_commands_each_get_their_own_reply()
    {
        await using var redis = await server.ConnectAsync("commandTimeout=60000");
        var replies = new Task<RedisReply>[10_000];

        Parallel.For(0, replies.Length, i => replies[i] = i % 2 == 0
            ? redis.ExecuteAsync("ECHO", $"caller-{i}")
            : redis.ExecuteAsync("INCRBY", $"concurrent:{i}", i));
        var results = await Task.WhenAll(replies);

        for (var i = 0; i < results.Length; i++)
        {
            if (i % 2 == 0)
            {
                Assert.Equal($"caller-{i}", results[i].AsString());
            }
            else
            {
                Assert.Equal(i, results[i].AsInt64());
            }
        }
    }

    [Fact]
    public async Task A_server_error_surfaces_as_an_exception_with_its_prefix()
    {
        await using var redis = await server.ConnectAsync();
        await redis.ExecuteAsync("SET", "a-string", "x");

        var error = await Assert.ThrowsAsync<RedisServerException>(() => redis.ExecuteAsync("LPUSH", "a-string", "y"));

        Assert.Equal("WRONGTYPE", error.Prefix);
    }

    [Fact]
    public async Task A_connection_keeps_working_after_a_server_error()
    {
        await using var redis = await server.ConnectAsync();

        await Assert.ThrowsAsync<RedisServerException>(() => redis.ExecuteAsync("NO-SUCH-COMMAND"));

        Assert.Equal("PONG", (await redis.ExecuteAsync("PING")).AsString());
    }

    [Fact]
    public async Task An_ACL_user_authenticates_with_its_own_password()
    {
        await using var admin = await server.ConnectAsync();
        await admin.ExecuteAsync("ACL", "SETUSER", "orders-app", "on", ">s3cret", "~*", "&*", "+@all");

        await using var redis = await server.ConnectAsync("user=orders-app,password=s3cret");

        Assert.Equal("orders-app", (await redis.ExecuteAsync("ACL", "WHOAMI")).AsString());
    }

    [Fact]
    public async Task A_wrong_password_fails_the_connect_with_the_servers_reason()
    {
        await using var admin = await server.ConnectAsync();
        await admin.ExecuteAsync("ACL", "SETUSER", "orders-guarded", "on", ">right", "~*", "+@all");

        var error = await Assert.ThrowsAsync<RedisConnectionException>(() => server.ConnectAsync("user=orders-guarded,password=wrong"));

        Assert.Contains("WRONGPASS", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_configured_database_is_selected_at_connect()
    {
        await using var inFive = await server.ConnectAsync("db=5");
        await using var inZero = await server.ConnectAsync();

        await inFive.ExecuteAsync("SET", "where-am-i", "five");

        Assert.Equal("five", (await inFive.ExecuteAsync("GET", "where-am-i")).AsString());
        Assert.True((await inZero.ExecuteAsync("GET", "where-am-i")).IsNull);
    }

    [Fact]
    public async Task The_client_name_is_set_at_connect()
    {
        await using var redis = await server.ConnectAsync("name=order-console-test");

        Assert.Equal("order-console-test", (await redis.ExecuteAsync("CLIENT", "GETNAME")).AsString());
    }

    [Fact]
    public async Task A_dedicated_connection_blocks_without_holding_up_the_shared_one()
    {
        await using var shared = await server.ConnectAsync();
        await using var dedicated = await shared.OpenDedicatedAsync();
        var stream = $"events:{Guid.NewGuid():N}";

        var read = dedicated.ExecuteAsync(["XREAD", "BLOCK", 20_000, "STREAMS", stream, "$"], timeout: TimeSpan.FromSeconds(60));
        await Eventually.HoldsAsync(
            async () => (await shared.ExecuteAsync("CLIENT", "LIST")).AsString()!.Contains("cmd=xread", StringComparison.Ordinal),
            "the XREAD reaching the server");
        var id = (await shared.ExecuteAsync("XADD", stream, "*", "order", "42")).AsString();

        var entry = (await read).Elements[0].Elements[1].Elements[0];
        Assert.Equal(id, entry.Elements[0].AsString());
    }

    [Fact]
    public async Task A_script_runs_by_digest_after_its_first_use()
    {
        await using var redis = await server.ConnectAsync();
        var script = new RedisScript("return {KEYS[1], ARGV[1]}");

        var first = await redis.EvaluateAsync(script, ["k"], ["v"]);
        var exists = await redis.ExecuteAsync("SCRIPT", "EXISTS", script.Sha1);
        var second = await redis.EvaluateAsync(script, ["k"], ["v"]);

        Assert.Equal(1, exists.Elements[0].AsInt64());
        Assert.Equal(RespTestData.Describe(first), RespTestData.Describe(second));
    }

    [Fact]
    public async Task A_script_digest_matches_what_the_server_computes()
    {
        await using var redis = await server.ConnectAsync();
        var script = new RedisScript("return 'digest check'");

        Assert.Equal(script.Sha1, (await redis.ExecuteAsync("SCRIPT", "LOAD", script.Text)).AsString());
    }

    [Fact]
    public async Task Commands_after_dispose_fail_fast_with_a_connection_error()
    {
        var redis = await server.ConnectAsync();
        await redis.DisposeAsync();

        await Assert.ThrowsAsync<RedisConnectionException>(() => redis.ExecuteAsync("PING"));
        Assert.Equal(RedisConnectionState.Disposed, redis.State);
    }

    [Fact]
    public async Task Connecting_to_a_port_without_a_server_fails_with_a_connection_error()
    {
        await using var probe = await server.ConnectAsync();
        var error = await Assert.ThrowsAsync<RedisConnectionException>(() => RedisConnection.ConnectAsync("127.0.0.1:1,connectTimeout=2000"));

        Assert.Contains("127.0.0.1:1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Command_durations_are_recorded_by_command_name()
    {
        var seen = new List<(double Seconds, string? Command)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == "OrderConsole" && instrument.Name == "redis.command.duration")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<double>((_, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "db.operation.name")
                {
                    lock (seen)
                    {
                        seen.Add((value, tag.Value as string));
                    }
                }
            }
        });
        listener.Start();
        await using var redis = await server.ConnectAsync();

        await redis.ExecuteAsync("ECHO", "measured");

        lock (seen)
        {
            Assert.Contains(seen, m => m.Command == "ECHO" && m.Seconds > 0);
        }
    }

    [Fact]
    public async Task The_connection_state_is_observable_as_a_gauge()
    {
        var states = new List<(int Value, string? Name)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == "OrderConsole" && instrument.Name == "redis.connection.state")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<int>((_, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "redis.connection.name")
                {
                    states.Add((value, tag.Value as string));
                }
            }
        });
        listener.Start();
        await using var redis = await server.ConnectAsync("name=gauge-check");

        listener.RecordObservableInstruments();

        Assert.Contains((1, "gauge-check"), states);
    }

    [Fact]
    public async Task An_idle_connection_sends_heartbeat_PINGs()
    {
        await using var admin = await server.ConnectAsync();
        var options = RedisConnectionOptions.Parse($"{server.ConnectionString},name=heartbeat-check") with
        {
            HeartbeatInterval = TimeSpan.FromMilliseconds(200),
        };
        await using var idle = await RedisConnection.ConnectAsync(options);

        await Eventually.HoldsAsync(
            async () => (await admin.ExecuteAsync("CLIENT", "LIST")).AsString()!
                .Split('\n')
                .Any(client => client.Contains("name=heartbeat-check ", StringComparison.Ordinal) && client.Contains("cmd=ping", StringComparison.Ordinal)),
            "a heartbeat PING from the idle connection");
    }
}
