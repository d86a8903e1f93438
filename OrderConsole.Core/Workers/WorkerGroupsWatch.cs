using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace OrderConsole.Core.Workers;

/// <summary>
/// On an instance that runs no workers (<c>Workers:Enabled=false</c>), puts every worker group's backlog and newest
/// dead letter on the board each <see cref="FeedWorkerOptions.StatusInterval"/>, so its dashboard and metrics show the
/// workers that other instances run. It reads; it never joins a group.
/// </summary>
public sealed class WorkerGroupsWatch(
    IWorkerGroups groups, WorkerStatusBoard board, FeedWorkerOptions options, TimeProvider clock, ILogger<WorkerGroupsWatch> logger) : BackgroundService
{
    /// <summary>One look at every group; returns how many it put on the board.</summary>
    public async Task<int> LookAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var found = await groups.ReadAsync(cancellationToken);
        foreach (var group in found)
        {
            board.RecordBacklog(group.Worker, group.Backlog, now);

            // The dead letter is the failure this instance can see: a worker's other errors stay on its own instance.
            if (group is { LastDeadLetterError: { } error, LastDeadLetterAt: { } at })
            {
                if (board.Find(group.Worker)?.LastErrorAt != at)
                {
                    board.RecordError(group.Worker, error, at, attempt: false);
                }
            }
            else if (board.Find(group.Worker)?.LastError is not null)
            {
                // Its dead letters were replayed or trimmed away: the error they carried is gone with them.
                board.ClearError(group.Worker);
            }
        }

        return found.Count;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await LookAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception failure)
            {
                // The store is away: the board keeps the last figures; the next look tries again.
                logger.LogWarning(failure, "Could not read the worker groups; trying again");
            }

            try
            {
                await Task.Delay(options.StatusInterval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }
}
