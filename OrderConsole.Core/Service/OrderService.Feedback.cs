using OrderConsole.Core.Events;
using OrderConsole.Core.Observability;
using OrderConsole.Core.Orders;
using OrderConsole.Core.Storage;

namespace OrderConsole.Core.Service;

/// <summary>
/// Customer feedback: whoever holds an order's tracking link rates it once it is delivered, once. Two ratings
/// racing meet the store's version check, and the second is told it was already given.
/// </summary>
public sealed partial class OrderService
{
    /// <summary>The actor name feedback is recorded under: the link's holder, who has no account.</summary>
    public const string FeedbackActor = "customer (tracking link)";

    public async Task<Order> GiveFeedbackAsync(string trackingToken, int? stars, string? comment, CancellationToken cancellationToken = default)
    {
        var order = await store.FindByTrackingTokenAsync(trackingToken, cancellationToken)
            ?? throw new OrderNotFoundException("with this tracking link");
        var rated = OrderChanges.GiveFeedback(order, CustomerFeedback.Of(stars, comment, clock.GetUtcNow()));
        var transition = new OrderTransition(
            rated, OrderStatus.Delivered, order.Version, OrderEventTypes.FeedbackGiven, FeedbackActor, NewCommandId());
        try
        {
            var applied = await store.ApplyAsync(transition, cancellationToken);
            OrderMetrics.RecordFeedback(rated.Feedback!.Stars);
            return applied;
        }
        catch (OrderConflictException)
        {
            // A delivered order changes only by feedback: whoever changed it first gave it.
            throw OrderChanges.FeedbackAlreadyGiven(order);
        }
    }
}
