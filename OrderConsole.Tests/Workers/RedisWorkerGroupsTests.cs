using Microsoft.Extensions.Logging.Abstractions;
using OrderConsole.Core.Events;
using OrderConsole.Core.Storage.Redis;
using OrderConsole.Core.Workers;
using OrderConsole.Tests.Infrastructure;
using OrderConsole.Tests.Support;

namespace OrderConsole.Tests.Workers;

/// <summary>
/// An instance that runs no workers reads the workers' consumer groups on real Redis for its dashboard: each group's
/// lag, pending entries, dead letters and newest dead letter's error, without ever joining a group.
/// </summary>
[Collection(RedisCollection.Name)]
public sealed class RedisWorkerGroupsTests(RedisServerFixture server)
{
    [Fact]
    public async Task A_worker_run_elsewhere_shows_its_dead_letters_and_the_newest_ones_error()
    {
        await using var market = await RedisMarket.OpenNewAsync(server);
        await using var streams = new RedisWorkerStreams(market.Redis, market.Options, WorkerHost.FastOptions());
        var worker = new RecordingWorker { FailsOn = e => e.EventType == OrderEventTypes.Created };
        await using var host = await WorkerHost.StartAsync(streams, WorkerHost.FastOptions(), worker);
        await Eventually.HoldsAsync(() => host.Board.Find("recording")?.MeasuredAt is not null, "the worker joined");
        await market.CreateOrderAsync();
        await Eventually.HoldsAsync(() => host.Board.Find("recording") is { DeadLetters: 1, Pending: 0 }, "the event was dead-lettered");
        var (watch, board) = Watch(market);

        await watch.LookAsync();

        var seen = board.Find("recording");
        Assert.Equal((0L, 0L, 1L), (seen?.Lag, seen?.Pending, seen?.DeadLetters));
        Assert.Contains("refused order.created", seen!.LastError, StringComparison.Ordinal);
        Assert.NotNull(seen.LastErrorAt);
        Assert.Equal(0, seen.Failures);
    }

    [Fact]
    public async Task Once_a_workers_dead_letters_are_gone_their_error_is_no_longer_shown()
    {
        await using var market = await RedisMarket.OpenNewAsync(server);
        await using var streams = new RedisWorkerStreams(market.Redis, market.Options, WorkerHost.FastOptions());
        var stream = await streams.OpenAsync("held", "holder", CancellationToken.None);
        await market.CreateOrderAsync();
        var entry = Assert.Single(await stream.ReadAsync(1, includeRetries: false, claimIdle: null, TimeSpan.Zero, CancellationToken.None));
        await stream.DeadLetterAsync(entry, 3, "the receiver answered 500", CancellationToken.None);
        var (watch, board) = Watch(market);
        await watch.LookAsync();
        Assert.Equal("the receiver answered 500", board.Find("held")?.LastError);

        await market.Redis.Database.KeyDeleteAsync(market.Options.KeyPrefix + "worker:held:dead");
        await watch.LookAsync();

        Assert.Equal((0L, (string?)null, (DateTimeOffset?)null), (board.Find("held")!.DeadLetters, board.Find("held")!.LastError, board.Find("held")!.LastErrorAt));
    }

    [Fact]
    public async Task Entries_a_worker_holds_show_as_pending_and_unread_ones_as_lag()
    {
        await using var market = await RedisMarket.OpenNewAsync(server);
        await using var streams = new RedisWorkerStreams(market.Redis, market.Options, WorkerHost.FastOptions());
        var stream = await streams.OpenAsync("held", "holder", CancellationToken.None);
        for (var i = 0; i < 3; i++)
        {
            await market.CreateOrderAsync();
        }

        // Read two and acknowledge neither: pending 2, lag 1.
        await stream.ReadAsync(2, includeRetries: false, claimIdle: null, TimeSpan.Zero, CancellationToken.None);
        var (watch, board) = Watch(market);

        await watch.LookAsync();

        Assert.Equal((1L, 2L, 0L), (board.Find("held")?.Lag, board.Find("held")?.Pending, board.Find("held")?.DeadLetters));
        Assert.Null(board.Find("held")?.LastError);
    }

    [Fact]
    public async Task Reading_the_groups_joins_none_of_them()
    {
        await using var market = await RedisMarket.OpenNewAsync(server);
        await using var streams = new RedisWorkerStreams(market.Redis, market.Options, WorkerHost.FastOptions());
        await streams.OpenAsync("held", "holder", CancellationToken.None);
        await market.CreateOrderAsync();
        var (watch, _) = Watch(market);

        Assert.Equal(1, await watch.LookAsync());

        var consumers = await market.Redis.Database.StreamConsumerInfoAsync(market.Options.KeyPrefix + "events", "held");
        Assert.Empty(consumers);
    }

    [Fact]
    public async Task Before_any_worker_started_there_is_no_group_to_show()
    {
        await using var market = await RedisMarket.OpenNewAsync(server);
        var (watch, board) = Watch(market);

        Assert.Equal(0, await watch.LookAsync());
        await market.CreateOrderAsync();
        Assert.Equal(0, await watch.LookAsync());
        Assert.Empty(board.Current);
    }

    private static (WorkerGroupsWatch Watch, WorkerStatusBoard Board) Watch(RedisMarket market)
    {
        var board = new WorkerStatusBoard();
        return (new WorkerGroupsWatch(new RedisWorkerGroups(market.Redis, market.Options), board, new FeedWorkerOptions(), TimeProvider.System, NullLogger<WorkerGroupsWatch>.Instance), board);
    }
}
