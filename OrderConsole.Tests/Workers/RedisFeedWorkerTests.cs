using OrderConsole.Core.Events;
using OrderConsole.Core.Storage.Redis;
using OrderConsole.Core.Workers;
using OrderConsole.Tests.Infrastructure;
using OrderConsole.Tests.Support;

namespace OrderConsole.Tests.Workers;

/// <summary>The feed workers on real Redis consumer groups: shared work, retries, dead letters, claims, figures.</summary>
[Collection(RedisCollection.Name)]
public sealed class RedisFeedWorkerTests(RedisServerFixture server)
{
    [Fact]
    public async Task Two_instances_share_a_workers_events_and_each_effect_happens_once()
    {
        await using var market = await RedisMarket.OpenNewAsync(server);
        await using var streams = Streams(market);
        var first = new RecordingWorker();
        var second = new RecordingWorker();
        await using var one = await WorkerHost.StartAsync(streams, WorkerHost.FastOptions("one"), first);
        await using var two = await WorkerHost.StartAsync(streams, WorkerHost.FastOptions("two"), second);
        await Eventually.HoldsAsync(() => one.Board.Find("recording")?.MeasuredAt is not null && two.Board.Find("recording")?.MeasuredAt is not null, "both consumers joined");

        for (var i = 0; i < 40; i++)
        {
            await market.CreateOrderAsync();
        }

        var events = await market.Redis.Database.StreamRangeAsync(market.Options.KeyPrefix + "events");
        var ids = events
            .Where(entry => WireJson.Deserialize<OrderEvent>(entry["event"].ToString()).EventType == OrderEventTypes.Created)
            .Select(entry => entry.Id.ToString())
            .ToList();
        Assert.Equal(40, ids.Count);
        await Eventually.HoldsAsync(() => ids.All(id => first.Effects.ContainsKey(id) || second.Effects.ContainsKey(id)), "every order.created was handled");

        Assert.All(ids, id => Assert.Equal(1, first.Effects.GetValueOrDefault(id) + second.Effects.GetValueOrDefault(id)));
    }

    [Fact]
    public async Task An_event_that_keeps_failing_goes_to_the_dead_letters_after_the_configured_attempts()
    {
        await using var market = await RedisMarket.OpenNewAsync(server);
        await using var streams = Streams(market);
        var worker = new RecordingWorker { FailsOn = e => e.EventType == OrderEventTypes.Created };
        await using var host = await WorkerHost.StartAsync(streams, WorkerHost.FastOptions(), worker);
        await Eventually.HoldsAsync(() => host.Board.Find("recording")?.MeasuredAt is not null, "the worker joined");

        var order = await market.CreateOrderAsync();
        var deadLetters = market.Options.KeyPrefix + "worker:recording:dead";
        await Eventually.HoldsAsync(async () => await market.Redis.Database.StreamLengthAsync(deadLetters) == 1, "the event was dead-lettered");

        var letter = (await market.Redis.Database.StreamRangeAsync(deadLetters)).Single();
        Assert.Equal(OrderEventTypes.Created, letter["event_type"].ToString());
        Assert.Equal("3", letter["attempts"].ToString());
        Assert.Contains("refused order.created", letter["error"].ToString(), StringComparison.Ordinal);
        Assert.Equal(order.Id, WireJson.Deserialize<OrderEvent>(letter["event"].ToString()).OrderId);
        Assert.Equal(3, worker.Attempts[letter["event_id"].ToString()]);
        await Eventually.HoldsAsync(() => host.Board.Find("recording") is { DeadLetters: 1, Pending: 0 }, "the figures show the dead letter");
        Assert.Contains("refused order.created", host.Board.Find("recording")!.LastError, StringComparison.Ordinal);
        Assert.Equal(0, (await market.Redis.Database.StreamPendingAsync(market.Options.KeyPrefix + "events", "recording")).PendingMessageCount);
    }

    [Fact]
    public async Task An_event_that_fails_once_is_tried_again_and_its_effect_happens_once()
    {
        await using var market = await RedisMarket.OpenNewAsync(server);
        await using var streams = Streams(market);
        var failures = 0;
        var worker = new RecordingWorker();
        worker.FailsOn = e => e.EventType == OrderEventTypes.Created && Interlocked.Increment(ref failures) == 1;
        await using var host = await WorkerHost.StartAsync(streams, WorkerHost.FastOptions(), worker);
        await Eventually.HoldsAsync(() => host.Board.Find("recording")?.MeasuredAt is not null, "the worker joined");

        await market.CreateOrderAsync();

        await Eventually.HoldsAsync(() => worker.Effects.Count == 1, "the retry succeeded");
        Assert.Equal(2, worker.Attempts.Single().Value);
        await Eventually.HoldsAsync(() => host.Board.Find("recording") is { Pending: 0, DeadLetters: 0, Lag: 0, Failures: 1 }, "the figures show the retry");
    }

    [Fact]
    public async Task Entries_left_pending_by_a_consumer_that_went_away_are_claimed_after_the_idle_timeout()
    {
        await using var market = await RedisMarket.OpenNewAsync(server);
        await using var streams = Streams(market);

        // A consumer reads three events and goes away without acknowledging them.
        var gone = await streams.OpenAsync("recording", "gone", CancellationToken.None);
        for (var i = 0; i < 3; i++)
        {
            await market.CreateOrderAsync();
        }

        var held = await gone.ReadAsync(10, includeRetries: false, claimIdle: null, TimeSpan.Zero, CancellationToken.None);
        Assert.NotEmpty(held);
        Assert.Equal(held.Count, (await gone.MeasureAsync(CancellationToken.None)).Pending);

        var worker = new RecordingWorker();
        await using var survivor = await WorkerHost.StartAsync(streams, WorkerHost.FastOptions("survivor"), worker);

        await Eventually.HoldsAsync(() => held.All(entry => worker.Effects.ContainsKey(entry.Event.EventId)), "the survivor claimed and handled what was left");
        Assert.All(held, entry => Assert.Equal(1, worker.Effects[entry.Event.EventId]));
        await Eventually.HoldsAsync(() => survivor.Board.Find("recording") is { Pending: 0, Lag: 0 }, "nothing is left pending");
    }

    [Fact]
    public async Task A_worker_status_shows_what_is_pending_while_its_effect_runs()
    {
        await using var market = await RedisMarket.OpenNewAsync(server);
        await using var streams = Streams(market);
        var worker = new RecordingWorker { Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously) };
        var options = WorkerHost.FastOptions();
        options.BatchSize = 1;
        await using var host = await WorkerHost.StartAsync(streams, options, worker);
        await Eventually.HoldsAsync(() => host.Board.Find("recording")?.MeasuredAt is not null, "the worker joined");

        await market.CreateOrderAsync();
        await market.CreateOrderAsync();
        await Eventually.HoldsAsync(() => !worker.Attempts.IsEmpty, "the worker holds an event");
        var measured = await (await streams.OpenAsync("recording", "observer", CancellationToken.None)).MeasureAsync(CancellationToken.None);

        Assert.Equal(1, measured.Pending);
        Assert.True(measured.Lag >= 1, $"lag {measured.Lag}");
        worker.Gate.SetResult();
        await Eventually.HoldsAsync(() => host.Board.Find("recording") is { Pending: 0, Lag: 0, Handled: >= 2 }, "the figures catch up");
    }

    private static RedisWorkerStreams Streams(RedisMarket market) => new(market.Redis, market.Options, new FeedWorkerOptions());
}
