using System.Collections.Concurrent;
using OrderConsole.Core.Events;
using OrderConsole.Core.Workers;

namespace OrderConsole.Tests.Workers;

/// <summary>
/// A worker whose effect is to remember each event id it handled (a set, so it is idempotent by event id) and how
/// often it was handed each; <see cref="FailsOn"/> makes it fail for chosen events, <see cref="Gate"/> holds it mid-effect.
/// </summary>
internal sealed class RecordingWorker(string name = "recording") : IFeedWorker
{
    public string Name => name;

    public ConcurrentDictionary<string, int> Effects { get; } = new(StringComparer.Ordinal);

    public ConcurrentDictionary<string, int> Attempts { get; } = new(StringComparer.Ordinal);

    public Func<OrderEvent, bool> FailsOn { get; set; } = _ => false;

    /// <summary>While set, every effect waits for it: the worker holds what it was handed.</summary>
    public TaskCompletionSource? Gate { get; set; }

    public async Task HandleAsync(OrderEvent orderEvent, CancellationToken cancellationToken)
    {
        Attempts.AddOrUpdate(orderEvent.EventId, 1, (_, count) => count + 1);
        if (Gate is { } gate)
        {
            await gate.Task.WaitAsync(cancellationToken);
        }

        if (FailsOn(orderEvent))
        {
            throw new InvalidOperationException($"the receiver refused {orderEvent.EventType}");
        }

        Effects.AddOrUpdate(orderEvent.EventId, 1, (_, count) => count + 1);
    }
}
