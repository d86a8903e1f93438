using OrderConsole.Core.Storage.InMemory;
using OrderConsole.Core.Workers;
using OrderConsole.Tests.Support;

namespace OrderConsole.Tests.Workers;

/// <summary>The same workers on the embedded store: one consumer over the in-memory feed.</summary>
public sealed class EmbeddedFeedWorkerTests
{
    [Fact]
    public async Task The_embedded_store_runs_the_workers_on_every_event_after_they_start()
    {
        var market = await Marketplace.OpenAsync();
        var worker = new RecordingWorker();
        await using var host = await WorkerHost.StartAsync(new InMemoryWorkerStreams(market.Feed, new FeedWorkerOptions()), WorkerHost.FastOptions(), worker);
        await Eventually.HoldsAsync(() => host.Board.Find("recording")?.MeasuredAt is not null, "the worker started");

        var order = await market.CreateOrderAsync();

        await Eventually.HoldsAsync(() => worker.Effects.Count == 1, "the event was handled");
        var latest = await market.Feed.GetLatestEventIdAsync();
        Assert.Equal(1, worker.Effects[latest!]);
        await Eventually.HoldsAsync(() => host.Board.Find("recording") is { Lag: 0, Pending: 0, Handled: 1 }, "the figures show it");
        Assert.NotEqual(Guid.Empty, order.Id);
    }

    [Fact]
    public async Task On_the_embedded_store_an_event_that_keeps_failing_is_dead_lettered_and_the_worker_goes_on()
    {
        var market = await Marketplace.OpenAsync();
        var failing = true;
        var worker = new RecordingWorker { FailsOn = _ => Volatile.Read(ref failing) };
        await using var host = await WorkerHost.StartAsync(new InMemoryWorkerStreams(market.Feed, new FeedWorkerOptions()), WorkerHost.FastOptions(), worker);
        await Eventually.HoldsAsync(() => host.Board.Find("recording")?.MeasuredAt is not null, "the worker started");

        await market.CreateOrderAsync();
        await Eventually.HoldsAsync(() => host.Board.Find("recording") is { DeadLetters: 1 }, "the event was dead-lettered");
        Volatile.Write(ref failing, false);
        await market.CreateOrderAsync();

        await Eventually.HoldsAsync(() => worker.Effects.Count == 1, "the next event was handled");
        Assert.Equal(3, worker.Attempts.Values.Max());
        Assert.Equal(0, host.Board.Find("recording")!.Pending);
    }
}
