using OrderConsole.Core.Events;
using OrderConsole.Core.Storage;

namespace OrderConsole.Tests.Support;

/// <summary>
/// Reads a feed the way a console instance does — from its last position, retrying through store outages —
/// and keeps every event it got, so a test can check nothing was missed or read twice.
/// </summary>
public sealed class FeedCollector : IAsyncDisposable
{
    private readonly IOrderFeed _feed;
    private readonly List<OrderEvent> _events = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _reading;

    public FeedCollector(IOrderFeed feed, string? from)
    {
        _feed = feed;
        _reading = Task.Run(() => ReadAsync(from));
    }

    public int Failures { get; private set; }

    public IReadOnlyList<OrderEvent> Events
    {
        get
        {
            lock (_events)
            {
                return [.. _events];
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _reading;
        _stop.Dispose();
    }

    private async Task ReadAsync(string? position)
    {
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                var batch = await _feed.ReadAfterAsync(position, 100, TimeSpan.FromMilliseconds(200), _stop.Token);
                lock (_events)
                {
                    _events.AddRange(batch.Events);
                }

                position = batch.Events.Count > 0 ? batch.Events[^1].EventId : position;
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                return;
            }
            catch (StoreUnavailableException)
            {
                Failures++;
                await Task.Delay(50);
            }
        }
    }
}
