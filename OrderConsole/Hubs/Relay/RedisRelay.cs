using OrderConsole.Core.Live;
using OrderConsole.Core.Storage.Redis;
using OrderConsole.Hosting;

namespace OrderConsole.Hubs.Relay;

/// <summary>
/// The relay on Redis: every instance runs it, one relays. The lease holder reads the feed through the consumer
/// group, relays each event to the rooms (each send marked and published in one script, see <see cref="MarkedPublishing"/>),
/// then acknowledges it. An instance that takes the lease over first claims what the previous holder left pending and
/// relays it: sends that were published are skipped by their marks, the rest go out — nothing lost, nothing twice.
/// </summary>
public sealed class RedisRelay(
    RedisStoreConnection redis, RedisStoreOptions store, HubOptions options, StoreDescription instance,
    OrderRelay relay, LiveOrders live, ILogger<RedisRelay> logger) : BackgroundService
{
    private const int BatchSize = 100;

    /// <summary>How often a quiet relay reads anyway, in case the read model's wake-up came before the group saw the entry.</summary>
    private static readonly TimeSpan s_poll = TimeSpan.FromMilliseconds(500);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var name = $"{instance.InstanceName}-{Guid.NewGuid().ToString("N")[..8]}";
        var group = new RelayConsumerGroup(redis, store.KeyPrefix, name);
        var lease = new RelayLease(redis, store.KeyPrefix, name, options.RelayLease);
        var renewEvery = options.RelayLease / 3;
        using var arrived = live.Watch(LiveFilter.Everything);
        var held = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await group.EnsureCreatedAsync(stoppingToken);
                var wasHeld = held;
                held = await lease.HoldAsync(held, stoppingToken);
                if (!held)
                {
                    await Task.Delay(renewEvery, stoppingToken);
                    continue;
                }

                if (!wasHeld)
                {
                    logger.LogInformation("This instance ({Consumer}) now relays feed events to the hub", name);
                    await group.ClaimAllPendingAsync(stoppingToken);
                    await RelayAllAsync(group, pending: true, DateTime.MaxValue, stoppingToken);
                }

                var until = DateTime.UtcNow + renewEvery;
                while (DateTime.UtcNow < until && !stoppingToken.IsCancellationRequested)
                {
                    if (await RelayAllAsync(group, pending: false, until, stoppingToken) == 0)
                    {
                        await arrived.WaitAsync(s_poll < until - DateTime.UtcNow ? s_poll : until - DateTime.UtcNow, stoppingToken);
                    }
                }
            }
            catch (Exception failed) when (failed is not OperationCanceledException)
            {
                // What was read and not acknowledged stays pending on this consumer and is relayed on the next pass.
                logger.LogWarning(failed, "The hub relay failed; retrying");
                held = false;
                await Task.Delay(renewEvery, stoppingToken);
            }
        }
    }

    /// <summary>Relays and acknowledges entries until a read comes back short or it is time to renew the lease; returns how many it relayed.</summary>
    private async Task<int> RelayAllAsync(RelayConsumerGroup group, bool pending, DateTime until, CancellationToken cancellationToken)
    {
        var relayed = 0;
        while (true)
        {
            var entries = pending
                ? await group.ReadPendingAsync(BatchSize, cancellationToken)
                : await group.ReadNewAsync(BatchSize, cancellationToken);
            foreach (var entry in entries)
            {
                if (entry.Event is { } change)
                {
                    await relay.RelayAsync(change);
                }

                await group.AcknowledgeAsync(entry.Id, cancellationToken);
                relayed++;
            }

            if (entries.Count < BatchSize || DateTime.UtcNow >= until)
            {
                return relayed;
            }
        }
    }
}
