using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace OrderConsole.Core.Webhooks;

/// <summary>Makes the next attempt at every delivery whose retry is due, on whichever instance claims it first.</summary>
public sealed class WebhookRetries(IWebhookStore store, WebhookSender sender, WebhookOptions options, TimeProvider clock, ILogger<WebhookRetries> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RetryDueAsync(stoppingToken);
                await Task.Delay(options.RetryPoll, clock, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception failure)
            {
                logger.LogWarning(failure, "Retrying webhook deliveries failed; trying again");
                await Task.Delay(options.RetryPoll, clock, stoppingToken);
            }
        }
    }

    /// <summary>One pass: every retry due now.</summary>
    public async Task RetryDueAsync(CancellationToken cancellationToken)
    {
        var lease = options.Timeout + options.Timeout;
        foreach (var delivery in await store.ClaimDueAsync(clock.GetUtcNow(), lease, 50, cancellationToken))
        {
            if (await store.GetSubscriptionAsync(delivery.SubscriptionId, cancellationToken) is not { } subscription)
            {
                await store.SaveDeliveryAsync(delivery with { Status = WebhookDeliveryStatus.DeadLettered, NextAttemptAt = null, LastError = "the subscription was deleted" }, cancellationToken);
                continue;
            }

            await sender.AttemptAsync(delivery, subscription, cancellationToken);
        }
    }
}
