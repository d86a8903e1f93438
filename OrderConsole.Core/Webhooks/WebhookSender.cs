using System.Diagnostics;
using System.Text;

namespace OrderConsole.Core.Webhooks;

/// <summary>
/// Makes one attempt at a delivery: POSTs its body, signed, and writes down the answer; a failure schedules the next
/// attempt with exponential backoff and jitter, until the retry window is over and the delivery is dead-lettered.
/// </summary>
public sealed class WebhookSender(Func<HttpClient> clients, IWebhookStore store, WebhookOptions options, TimeProvider clock)
{
    public async Task<WebhookDelivery> AttemptAsync(WebhookDelivery delivery, WebhookSubscription subscription, CancellationToken cancellationToken)
    {
        var started = clock.GetUtcNow();
        int? statusCode = null;
        string? error = null;
        var watch = Stopwatch.StartNew();
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, subscription.Url)
            {
                Content = new StringContent(delivery.Body, Encoding.UTF8, "application/json"),
            };
            request.Headers.TryAddWithoutValidation(WebhookSignature.Header, WebhookSignature.Sign(subscription.Secret, started.ToUnixTimeSeconds(), delivery.Body));
            request.Headers.TryAddWithoutValidation(WebhookSignature.EventIdHeader, delivery.EventId);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(options.Timeout);
            using var response = await clients().SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            statusCode = (int)response.StatusCode;
            if (!response.IsSuccessStatusCode)
            {
                error = $"the receiver answered {statusCode} {response.ReasonPhrase}";
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            error = $"the receiver did not answer within {options.Timeout.TotalSeconds:0.#} s";
        }
        catch (HttpRequestException failure)
        {
            error = $"the receiver could not be reached: {failure.Message}";
        }

        var attempted = delivery with
        {
            Attempts = delivery.Attempts + 1,
            LastAttemptAt = started,
            LastStatusCode = statusCode,
            LastResponseMilliseconds = Math.Round(watch.Elapsed.TotalMilliseconds, 1),
            LastError = error,
        };
        var now = clock.GetUtcNow();
        attempted = error is null
            ? attempted with { Status = WebhookDeliveryStatus.Delivered, DeliveredAt = now, NextAttemptAt = null }
            : now - attempted.CreatedAt >= options.RetryWindow
                ? attempted with { Status = WebhookDeliveryStatus.DeadLettered, NextAttemptAt = null }
                : attempted with { Status = WebhookDeliveryStatus.Retrying, NextAttemptAt = now + Backoff(attempted.Attempts) };
        await store.SaveDeliveryAsync(attempted, cancellationToken);
        return attempted;
    }

    /// <summary>The wait after the <paramref name="attempts"/>th failure: doubling from the first delay, capped, half of it random.</summary>
    public TimeSpan Backoff(int attempts)
    {
        var doubled = options.FirstRetryDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempts - 1, 30));
        var capped = Math.Min(doubled, options.MaxRetryDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds((capped / 2) + (Random.Shared.NextDouble() * capped / 2));
    }
}
