using OrderConsole.Core.Drivers;
using OrderConsole.Core.Events;
using OrderConsole.Core.Orders;
using OrderConsole.Core.Storage;
using OrderConsole.Tests.Support;

namespace OrderConsole.Tests.Storage;

/// <summary>What every adapter promises about batches: all transitions in order, or none of them.</summary>
public abstract partial class OrderStoreContract
{
    private const string Correlation = "corr-batch-1";

    [Fact]
    public async Task A_batch_applies_every_transition_in_order_even_two_on_one_order()
    {
        var (store, feed) = await CreateWithSuppliersAsync();
        var first = await OrderInAsync(store, OrderStatus.CustomerAccepted);
        var second = await CreateAsync(store, Samples.NewOrder());
        var position = await feed.GetLatestEventIdAsync();
        var preparing = OrderChanges.MoveTo(first, OrderStatus.Preparing, Samples.At);
        var ready = OrderChanges.MoveTo(preparing, OrderStatus.Ready, Samples.At);

        var applied = await store.ApplyBatchAsync(
            [Transition(first, preparing), Transition(preparing, ready), Transition(second, OrderStatus.SupplierAccepted)], Correlation, Tester, NewCommandId());

        Assert.Equal(3, applied.EventsProcessed);
        Assert.Equal([OrderStatus.Preparing, OrderStatus.Ready, OrderStatus.SupplierAccepted], applied.Orders.Select(order => order.Status));
        Assert.Equal((OrderStatus.Ready, first.Version + 2), ((await store.GetAsync(first.Id))!.Status, (await store.GetAsync(first.Id))!.Version));
        Assert.Equal(OrderStatus.SupplierAccepted, (await store.GetAsync(second.Id))!.Status);
        var counts = await store.CountByStatusAsync();
        Assert.Equal((1L, 0L, 1L, 0L), (counts[OrderStatus.Ready], counts[OrderStatus.Preparing], counts[OrderStatus.SupplierAccepted], counts[OrderStatus.CustomerAccepted]));
        Assert.Equal(
            [("order.preparing", first.Id), ("order.ready", first.Id), ("order.supplier_accepted", second.Id)],
            (await feed.ReadAfterAsync(position, 100, TimeSpan.Zero)).Events.Select(change => (change.EventType, change.OrderId!.Value)));
        Assert.Equal(["order.preparing", "order.ready"], (await store.GetHistoryAsync(first.Id)).TakeLast(2).Select(change => change.EventType));
    }

    [Fact]
    public async Task Every_event_of_an_applied_batch_carries_its_correlation_id()
    {
        var (store, feed) = await CreateWithSuppliersAsync();
        await store.SaveDriverAsync(Samples.Ana, Tester);
        var ready = await ReadyOrderAsync(store);
        var pending = await CreateAsync(store, Samples.NewOrder());
        var position = await feed.GetLatestEventIdAsync();

        await store.ApplyBatchAsync([Dispatch(ready, Samples.Ana), Transition(pending, OrderStatus.SupplierAccepted)], Correlation, Tester, NewCommandId());

        var events = (await feed.ReadAfterAsync(position, 100, TimeSpan.Zero)).Events;
        Assert.Equal(["order.dispatched", OrderEventTypes.DriverUpdated, "order.supplier_accepted"], events.Select(change => change.EventType));
        Assert.All(events, change => Assert.Equal(Correlation, change.CorrelationId));
        Assert.All(await store.GetHistoryAsync(ready.Id), change => Assert.Equal(change.EventType == "order.dispatched" ? Correlation : null, change.CorrelationId));
    }

    [Fact]
    public async Task A_batch_whose_third_transition_is_illegal_changes_nothing()
    {
        var (store, feed) = await CreateWithSuppliersAsync();
        await store.SaveDriverAsync(Samples.Ana, Tester);
        var (batch, orders) = await BatchFailingAtItsThirdTransitionAsync(store);
        var before = await Task.WhenAll(orders.Select(order => SnapshotAsync(store, feed, order.Id)));
        var countsBefore = await store.CountByStatusAsync();

        var failed = await Assert.ThrowsAsync<BatchFailedException>(() => store.ApplyBatchAsync(batch, Correlation, Tester, NewCommandId()));

        Assert.Equal(2, failed.Index);
        Assert.IsType<IllegalTransitionException>(failed.Reason);
        var after = await Task.WhenAll(orders.Select(order => SnapshotAsync(store, feed, order.Id)));
        Assert.Equal(before.Select(WithoutFeed), after.Select(WithoutFeed));
        Assert.Equal(countsBefore, await store.CountByStatusAsync());
        Assert.Equal((DriverStatus.Available, (Guid?)null), ((await store.GetDriverAsync(Samples.Ana.Id))!.Status, (await store.GetDriverAsync(Samples.Ana.Id))!.OrderId));
    }

    [Fact]
    public async Task A_refused_batch_appends_only_one_batch_rolled_back_event_with_its_correlation_id()
    {
        var (store, feed) = await CreateWithSuppliersAsync();
        await store.SaveDriverAsync(Samples.Ana, Tester);
        var (batch, _) = await BatchFailingAtItsThirdTransitionAsync(store);
        var position = await feed.GetLatestEventIdAsync();

        await Assert.ThrowsAsync<BatchFailedException>(() => store.ApplyBatchAsync(batch, Correlation, Tester, NewCommandId()));

        var rolledBack = Assert.Single((await feed.ReadAfterAsync(position, 100, TimeSpan.Zero)).Events);
        Assert.Equal((OrderEventTypes.BatchRolledBack, Correlation, Tester, (Guid?)null, (Order?)null), (rolledBack.EventType, rolledBack.CorrelationId, rolledBack.Actor, rolledBack.OrderId, rolledBack.Order));
    }

    [Fact]
    public async Task A_refused_batch_says_which_transition_failed_and_why_in_the_error_and_the_event()
    {
        var (store, feed) = await CreateWithSuppliersAsync();
        await store.SaveDriverAsync(Samples.Ana, Tester);
        var (batch, _) = await BatchFailingAtItsThirdTransitionAsync(store);
        var position = await feed.GetLatestEventIdAsync();
        var refused = batch[2].Next;

        var failed = await Assert.ThrowsAsync<BatchFailedException>(() => store.ApplyBatchAsync(batch, Correlation, Tester, NewCommandId()));

        Assert.Equal(
            $"event 3 (order {refused.ShortId}… preparing → customer_accepted): order {refused.ShortId}… is preparing; it cannot go to customer_accepted",
            failed.Message);
        Assert.Equal(failed.Message, Assert.Single((await feed.ReadAfterAsync(position, 100, TimeSpan.Zero)).Events).Detail);
    }

    [Fact]
    public async Task The_rolled_back_event_gives_the_same_words_as_the_error_for_every_kind_of_refusal()
    {
        var (store, feed) = await CreateWithSuppliersAsync();
        await store.SaveDriverAsync(Samples.Ana with { Status = DriverStatus.OnBreak }, Tester);
        var pending = await CreateAsync(store, Samples.NewOrder());
        var stale = Transition(pending, OrderStatus.Cancelled) with { ExpectedVersion = 7 };
        var ready = await ReadyOrderAsync(store);
        IReadOnlyList<OrderTransition>[] refusedBatches =
        [
            [Transition(Samples.NewOrder(), OrderStatus.SupplierAccepted)],
            [stale],
            [Dispatch(ready, Samples.Ana)],
            [Dispatch(ready, Samples.Ben)],
        ];

        foreach (var batch in refusedBatches)
        {
            var position = await feed.GetLatestEventIdAsync();
            var failed = await Assert.ThrowsAsync<BatchFailedException>(() => store.ApplyBatchAsync(batch, Correlation, Tester, NewCommandId()));
            Assert.Equal(failed.Message, Assert.Single((await feed.ReadAfterAsync(position, 100, TimeSpan.Zero)).Events).Detail);
        }
    }

    [Fact]
    public async Task A_batch_computed_before_someone_else_changed_one_of_its_orders_fails_as_a_whole()
    {
        var (store, feed) = await CreateWithSuppliersAsync();
        var first = await CreateAsync(store, Samples.NewOrder());
        var second = await CreateAsync(store, Samples.NewOrder());
        var batch = new[] { Transition(first, OrderStatus.SupplierAccepted), Transition(second, OrderStatus.Cancelled) };
        await MoveAsync(store, second, OrderStatus.SupplierAccepted);
        var before = await SnapshotAsync(store, feed, first.Id);

        var failed = await Assert.ThrowsAsync<BatchFailedException>(() => store.ApplyBatchAsync(batch, Correlation, Tester, NewCommandId()));

        Assert.Equal(1, failed.Index);
        Assert.Equal(OrderStatus.SupplierAccepted, Assert.IsType<OrderConflictException>(failed.Reason).CurrentStatus);
        Assert.Equal(WithoutFeed(before), WithoutFeed(await SnapshotAsync(store, feed, first.Id)));
    }

    [Fact]
    public async Task A_batch_applied_twice_with_one_command_id_is_applied_once()
    {
        var (store, feed) = await CreateWithSuppliersAsync();
        var order = await CreateAsync(store, Samples.NewOrder());
        var batch = new[] { Transition(order, OrderStatus.SupplierAccepted) };
        var commandId = NewCommandId();

        var first = await store.ApplyBatchAsync(batch, Correlation, Tester, commandId);
        var position = await feed.GetLatestEventIdAsync();
        var repeat = await store.ApplyBatchAsync(batch, Correlation, Tester, commandId);

        Assert.Equal((first.CorrelationId, first.AppliedAt, first.Orders.Single().Version), (repeat.CorrelationId, repeat.AppliedAt, repeat.Orders.Single().Version));
        Assert.Equal(position, await feed.GetLatestEventIdAsync());
        Assert.Equal(2, (await store.GetAsync(order.Id))!.Version);
        Assert.Equal(first.Orders.Single().Id, (await store.GetBatchResultAsync(commandId))?.Orders.Single().Id);
    }

    [Fact]
    public async Task A_refused_batch_is_not_remembered()
    {
        var (store, _) = await CreateWithSuppliersAsync();
        var commandId = NewCommandId();

        await Assert.ThrowsAsync<BatchFailedException>(() =>
            store.ApplyBatchAsync([Transition(Samples.NewOrder(), OrderStatus.SupplierAccepted)], Correlation, Tester, commandId));

        Assert.Null(await store.GetBatchResultAsync(commandId));
    }

    [Fact]
    public async Task A_driver_freed_earlier_in_a_batch_may_be_assigned_later_in_it()
    {
        var (store, _) = await CreateWithSuppliersAsync();
        await store.SaveDriverAsync(Samples.Ana, Tester);
        var inTransit = await MoveAsync(store, await store.ApplyAsync(Dispatch(await ReadyOrderAsync(store), Samples.Ana)), OrderStatus.InTransit);
        var ready = await ReadyOrderAsync(store);
        var delivered = Transition(inTransit, OrderChanges.MoveTo(inTransit, OrderStatus.Delivered, Samples.At)) with { Drivers = [DriverAssignment.Release(Samples.Ana.Id)] };

        await store.ApplyBatchAsync([delivered, Dispatch(ready, Samples.Ana)], Correlation, Tester, NewCommandId());

        var ana = await store.GetDriverAsync(Samples.Ana.Id);
        Assert.Equal((DriverStatus.Busy, (Guid?)ready.Id), (ana!.Status, ana.OrderId));
    }

    [Fact]
    public async Task A_driver_assigned_earlier_in_a_batch_is_not_available_later_in_it()
    {
        var (store, _) = await CreateWithSuppliersAsync();
        await store.SaveDriverAsync(Samples.Ana, Tester);
        var first = await ReadyOrderAsync(store);
        var second = await ReadyOrderAsync(store);

        var failed = await Assert.ThrowsAsync<BatchFailedException>(() =>
            store.ApplyBatchAsync([Dispatch(first, Samples.Ana), Dispatch(second, Samples.Ana)], Correlation, Tester, NewCommandId()));

        Assert.Equal(1, failed.Index);
        Assert.IsType<OrderConflictException>(failed.Reason);
        Assert.Equal(DriverStatus.Available, (await store.GetDriverAsync(Samples.Ana.Id))!.Status);
        Assert.Equal(OrderStatus.Ready, (await store.GetAsync(first.Id))!.Status);
    }

    [Fact]
    public async Task A_batch_rolled_back_before_reaching_the_store_is_recorded_in_the_feed()
    {
        var (store, feed) = CreateStore();

        await store.RecordRolledBackBatchAsync(Correlation, Tester, "event 1: no such change");

        var rolledBack = Assert.Single(await ReadAllAsync(feed));
        Assert.Equal((OrderEventTypes.BatchRolledBack, Correlation, "event 1: no such change", (Order?)null), (rolledBack.EventType, rolledBack.CorrelationId, rolledBack.Detail, rolledBack.Order));
    }

    /// <summary>
    /// Three orders and four transitions: the first order to preparing, the second dispatched with Ana, the
    /// first again from preparing to preparing (refused), the third accepted. Ana must be saved already.
    /// </summary>
    private static async Task<(IReadOnlyList<OrderTransition> Batch, IReadOnlyList<Order> Orders)> BatchFailingAtItsThirdTransitionAsync(IOrderStore store)
    {
        var first = await OrderInAsync(store, OrderStatus.CustomerAccepted);
        var second = await ReadyOrderAsync(store);
        var third = await CreateAsync(store, Samples.NewOrder());
        var preparing = OrderChanges.MoveTo(first, OrderStatus.Preparing, Samples.At);
        // Back from preparing to the customer's acceptance: no actor, not even a worker, may make that move.
        var back = preparing with { Status = OrderStatus.CustomerAccepted, Version = preparing.Version + 1 };
        return ([Transition(first, preparing), Dispatch(second, Samples.Ana), Transition(preparing, back), Transition(third, OrderStatus.SupplierAccepted)], [first, second, third]);
    }

    private static async Task<Order> OrderInAsync(IOrderStore store, OrderStatus status)
    {
        var order = await CreateAsync(store, Samples.NewOrder());
        foreach (var step in new[] { OrderStatus.SupplierAccepted, OrderStatus.CustomerAccepted, OrderStatus.Preparing, OrderStatus.Ready })
        {
            if (order.Status == status)
            {
                break;
            }

            order = await MoveAsync(store, order, step);
        }

        return order;
    }

    private static StoreSnapshot WithoutFeed(StoreSnapshot snapshot) => snapshot with { FeedPosition = null };
}
