using OrderConsole.Core.Events;
using OrderConsole.Core.Workers;

namespace OrderConsole.Hubs.Relay;

/// <summary>
/// The feed worker that puts order events into the hub's rooms. On Redis each event goes to exactly one instance
/// (the <c>hub-relay</c> consumer group) and each of its sends is marked and published in one script
/// (<see cref="MarkedPublishing"/>), so an event handed out again — after a crash between the send and the
/// acknowledgement, or a failed attempt — repeats no send that already went out.
/// </summary>
public sealed class HubRelayWorker(OrderRelay relay) : IFeedWorker
{
    public string Name => "hub-relay";

    public Task HandleAsync(OrderEvent orderEvent, CancellationToken cancellationToken) => relay.RelayAsync(orderEvent);
}
