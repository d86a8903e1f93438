using OrderConsole.Core.Drivers;
using OrderConsole.Core.Events;
using OrderConsole.Core.Orders;
using OrderConsole.Core.Storage;
using OrderConsole.Tests.Support;

namespace OrderConsole.Tests.Storage;

/// <summary>Customer feedback every adapter keeps: written once on a delivered order, which stays delivered, and announced on the feed.</summary>
public abstract partial class OrderStoreContract
{
    [Fact]
    public async Task A_delivered_order_takes_the_customers_feedback_and_stays_delivered()
    {
        var (store, feed) = await CreateWithSuppliersAsync();
        var delivered = await DeliveredOrderAsync(store);
        var position = await feed.GetLatestEventIdAsync();

        var rated = await store.ApplyAsync(Feedback(delivered, stars: 4, "Warm and quick"));

        Assert.Equal((OrderStatus.Delivered, delivered.Version + 1, 4, "Warm and quick"), (rated.Status, rated.Version, rated.Feedback!.Stars, rated.Feedback.Comment));
        Assert.Equal((rated.Version, rated.Feedback), ((await store.GetAsync(delivered.Id))!.Version, (await store.GetAsync(delivered.Id))!.Feedback));
        var change = Assert.Single((await feed.ReadAfterAsync(position, 10, TimeSpan.Zero)).Events);
        Assert.Equal((OrderEventTypes.FeedbackGiven, 4), (change.EventType, change.Order!.Feedback!.Stars));
        Assert.Equal(1, (await store.CountByStatusAsync())[OrderStatus.Delivered]);
    }

    [Fact]
    public async Task A_second_feedback_made_from_the_same_version_is_a_conflict_and_changes_nothing()
    {
        var (store, feed) = await CreateWithSuppliersAsync();
        var delivered = await DeliveredOrderAsync(store);
        await store.ApplyAsync(Feedback(delivered, stars: 5, "Perfect"));
        var before = await SnapshotAsync(store, feed, delivered.Id);

        await Assert.ThrowsAsync<OrderConflictException>(() => store.ApplyAsync(Feedback(delivered, stars: 1, "Cold")));

        Assert.Equal(before, await SnapshotAsync(store, feed, delivered.Id));
    }

    private static OrderTransition Feedback(Order delivered, int stars, string comment) => new(
        OrderChanges.GiveFeedback(delivered, new CustomerFeedback(stars, comment, delivered.UpdatedAt.AddMinutes(5))),
        OrderStatus.Delivered, delivered.Version, OrderEventTypes.FeedbackGiven, "customer (tracking link)", NewCommandId());

    private static async Task<Order> DeliveredOrderAsync(IOrderStore store)
    {
        await store.SaveDriverAsync(Samples.Ana, Tester);
        var order = await store.ApplyAsync(Dispatch(await ReadyOrderAsync(store), Samples.Ana));
        order = await MoveAsync(store, order, OrderStatus.InTransit);
        var delivered = OrderChanges.MoveTo(order, OrderStatus.Delivered, order.UpdatedAt);
        return await store.ApplyAsync(Transition(order, delivered) with { Drivers = [DriverAssignment.Release(Samples.Ana.Id)] });
    }
}
