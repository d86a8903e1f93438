using OrderConsole.Core.Live;

namespace OrderConsole.Hubs.Relay;

/// <summary>
/// The relay on the embedded store: one instance, so it follows the feed itself from where it stood at start and
/// relays each event once, in order (no backplane, no consumer group).
/// </summary>
public sealed class EmbeddedRelay(FeedFollower follower, OrderRelay relay, ILogger<EmbeddedRelay> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var position = await follower.StartAsync(null, stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await foreach (var item in follower.FollowAsync(position, TimeSpan.FromSeconds(30), stoppingToken))
                {
                    if (item.IsTrimmed)
                    {
                        // The embedded feed keeps everything it was given; should it ever not, carry on from its end.
                        position = await follower.StartAsync(null, stoppingToken);
                        break;
                    }

                    if (item.Event is { } change)
                    {
                        await relay.RelayAsync(change);
                        position = change.EventId;
                    }
                }
            }
            catch (Exception failed) when (failed is not OperationCanceledException)
            {
                logger.LogWarning(failed, "The hub relay failed at event {Position}; retrying", position);
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
            }
        }
    }
}
