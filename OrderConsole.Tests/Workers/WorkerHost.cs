using Microsoft.Extensions.Logging.Abstractions;
using OrderConsole.Core.Workers;

namespace OrderConsole.Tests.Workers;

/// <summary>A runner with its board, started on a store's worker streams and stopped when disposed.</summary>
internal sealed class WorkerHost : IAsyncDisposable
{
    private readonly FeedWorkerRunner _runner;
    private readonly WorkerMetrics _metrics;

    private WorkerHost(FeedWorkerRunner runner, WorkerMetrics metrics, WorkerStatusBoard board)
    {
        _runner = runner;
        _metrics = metrics;
        Board = board;
    }

    public WorkerStatusBoard Board { get; }

    public string ConsumerName => _runner.ConsumerName;

    /// <summary>Short delays, so retries, claims and measurements happen within a test.</summary>
    public static FeedWorkerOptions FastOptions(string consumer = "") => new()
    {
        ConsumerName = consumer,
        PollInterval = TimeSpan.FromMilliseconds(200),
        RetryDelay = TimeSpan.FromMilliseconds(50),
        ClaimIdleTimeout = TimeSpan.FromMilliseconds(500),
        ClaimInterval = TimeSpan.FromMilliseconds(100),
        StatusInterval = TimeSpan.FromMilliseconds(50),
        MaxAttempts = 3,
    };

    public static async Task<WorkerHost> StartAsync(IWorkerStreams streams, FeedWorkerOptions options, params IFeedWorker[] workers)
    {
        var board = new WorkerStatusBoard();
        var metrics = new WorkerMetrics(board, meters: null);
        var runner = new FeedWorkerRunner(workers, streams, options, board, metrics, TimeProvider.System, NullLogger<FeedWorkerRunner>.Instance);
        await runner.StartAsync(CancellationToken.None);
        return new WorkerHost(runner, metrics, board);
    }

    public async ValueTask DisposeAsync()
    {
        await _runner.StopAsync(CancellationToken.None);
        _runner.Dispose();
        _metrics.Dispose();
    }
}
