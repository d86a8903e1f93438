using System.Threading.Channels;

namespace OrderConsole.Core.Live;

/// <summary>
/// A wake-up for a loop that follows the read model (an event stream, a tracking stream): it waits until a
/// matching change arrives. One pending signal is enough — a burst collapses into one wake-up, and the loop reads
/// the fresh state itself. Created before the loop's first read, so a change landing in between is not missed.
/// </summary>
public sealed class LiveChanges : IDisposable
{
    private readonly Channel<bool> _pending =
        Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    private readonly IDisposable _subscription;

    internal LiveChanges(LiveOrders live, LiveFilter filter) =>
        _subscription = live.Subscribe(filter, () =>
        {
            _pending.Writer.TryWrite(true);
            return Task.CompletedTask;
        });

    /// <summary>Waits for the next change.</summary>
    public async Task WaitAsync(CancellationToken cancellationToken) => await _pending.Reader.ReadAsync(cancellationToken);

    /// <summary>Waits for the next change at most <paramref name="within"/>; false when none came.</summary>
    public async Task<bool> WaitAsync(TimeSpan within, CancellationToken cancellationToken)
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        wait.CancelAfter(within);
        try
        {
            await _pending.Reader.ReadAsync(wait.Token);
            return true;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    public void Dispose() => _subscription.Dispose();
}
