using System.Globalization;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace OrderConsole.Core.Workers;

/// <summary>
/// Runs every <see cref="IFeedWorker"/> on its own view of the feed (<see cref="IWorkerStreams"/>), one event at a time
/// per worker: the effect first, the acknowledgement after it, so a crash between the two hands the event out again
/// (to this instance or, once it has been idle for <see cref="FeedWorkerOptions.ClaimIdleTimeout"/>, to another).
/// A failed effect is tried again after <see cref="FeedWorkerOptions.RetryDelay"/>; after
/// <see cref="FeedWorkerOptions.MaxAttempts"/> it goes to the dead letters. A retried event may therefore come after
/// newer ones: workers must not rely on order across events.
/// </summary>
public sealed class FeedWorkerRunner(
    IEnumerable<IFeedWorker> workers,
    IWorkerStreams streams,
    FeedWorkerOptions options,
    WorkerStatusBoard board,
    WorkerMetrics metrics,
    TimeProvider clock,
    ILogger<FeedWorkerRunner> logger) : BackgroundService
{
    /// <summary>This instance's consumer name in every worker's group.</summary>
    public string ConsumerName { get; } = options.ConsumerName is { Length: > 0 } name
        ? name
        : string.Create(CultureInfo.InvariantCulture, $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..6]}");

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(workers.Select(worker => Task.Run(() => RunAsync(worker, stoppingToken), CancellationToken.None)));

    private async Task RunAsync(IFeedWorker worker, CancellationToken stopping)
    {
        board.Register(worker.Name);
        IWorkerStream? stream = null;
        try
        {
            while (!stopping.IsCancellationRequested)
            {
                try
                {
                    stream ??= await streams.OpenAsync(worker.Name, ConsumerName, stopping);
                    await FollowAsync(worker, stream, stopping);
                }
                catch (OperationCanceledException) when (stopping.IsCancellationRequested)
                {
                    break;
                }
                catch (Exception failure)
                {
                    // The store is away or refused: what is pending stays pending; look again after a pause.
                    board.RecordError(worker.Name, failure.Message, clock.GetUtcNow(), attempt: false);
                    logger.LogWarning(failure, "The {Worker} worker could not read the feed; trying again", worker.Name);
                    await PauseAsync(options.RetryDelay, stopping);
                }
            }
        }
        finally
        {
            if (stream is not null)
            {
                await stream.DisposeAsync();
            }
        }
    }

    private async Task FollowAsync(IFeedWorker worker, IWorkerStream stream, CancellationToken stopping)
    {
        var now = clock.GetUtcNow();
        var retryAt = now;
        var claimAt = now;
        var measureAt = now;
        while (!stopping.IsCancellationRequested)
        {
            now = clock.GetUtcNow();
            var retries = now >= retryAt;
            var claims = now >= claimAt;
            if (retries)
            {
                retryAt = DateTimeOffset.MaxValue;
            }

            if (claims)
            {
                claimAt = now + options.ClaimInterval;
            }

            var wait = Min(options.PollInterval, Min(retryAt, Min(claimAt, measureAt)) - now);
            wait = wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
            var entries = await stream.ReadAsync(options.BatchSize, retries, claims ? options.ClaimIdleTimeout : null, wait, stopping);
            foreach (var entry in entries)
            {
                if (!await HandleAsync(worker, stream, entry, stopping))
                {
                    var due = clock.GetUtcNow() + options.RetryDelay;
                    retryAt = due < retryAt ? due : retryAt;
                }
            }

            now = clock.GetUtcNow();
            if (now >= measureAt)
            {
                board.RecordBacklog(worker.Name, await stream.MeasureAsync(stopping), now);
                measureAt = now + options.StatusInterval;
            }
        }
    }

    /// <summary>Runs the effect and acknowledges it; false when it failed and is to be tried again.</summary>
    private async Task<bool> HandleAsync(IFeedWorker worker, IWorkerStream stream, WorkerEntry entry, CancellationToken stopping)
    {
        string error;
        try
        {
            await worker.HandleAsync(entry.Event, stopping);
            await stream.AcknowledgeAsync(entry, stopping);
            board.RecordHandled(worker.Name, clock.GetUtcNow());
            metrics.RecordHandled(worker.Name);
            return true;
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception failure)
        {
            error = failure.Message;
            logger.LogWarning(failure, "The {Worker} worker failed on event {EventId} ({EventType})", worker.Name, entry.Event.EventId, entry.Event.EventType);
        }

        var attempts = await stream.RecordFailureAsync(entry, error, stopping);
        board.RecordError(worker.Name, error, clock.GetUtcNow(), attempt: true);
        metrics.RecordFailure(worker.Name);
        if (attempts < options.MaxAttempts)
        {
            return false;
        }

        await stream.DeadLetterAsync(entry, attempts, error, stopping);
        metrics.RecordDeadLettered(worker.Name);
        logger.LogError("The {Worker} worker gave up on event {EventId} ({EventType}) after {Attempts} attempts: {Error}", worker.Name, entry.Event.EventId, entry.Event.EventType, attempts, error);
        return true;
    }

    private static TimeSpan Min(TimeSpan left, TimeSpan right) => left < right ? left : right;

    private static DateTimeOffset Min(DateTimeOffset left, DateTimeOffset right) => left < right ? left : right;

    private async Task PauseAsync(TimeSpan delay, CancellationToken stopping)
    {
        try
        {
            await Task.Delay(delay, clock, stopping);
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }
}
