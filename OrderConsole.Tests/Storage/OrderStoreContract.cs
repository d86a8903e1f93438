using OrderConsole.Core.Drivers;
using OrderConsole.Core.Events;
using OrderConsole.Core.Orders;
using OrderConsole.Core.Storage;
using OrderConsole.Tests.Support;

namespace OrderConsole.Tests.Storage;

/// <summary>
/// What every storage adapter promises, written only against <see cref="IOrderStore"/> and
/// <see cref="IOrderFeed"/>. An adapter passes by subclassing this class and creating a fresh, empty store
/// (and its feed) in <see cref="CreateStore"/>; each test calls it once.
/// </summary>
public abstract partial class OrderStoreContract
{
    private const string Tester = "tester";

    /// <summary>A new, empty store and the feed it appends to.</summary>
    protected abstract (IOrderStore Store, IOrderFeed Feed) CreateStore();

    /// <summary>
    /// A new, empty store whose feed keeps only about <paramref name="capacity"/> events, or null when the
    /// adapter cannot bound its feed that tightly (the trimming test then has nothing to check).
    /// </summary>
    protected virtual (IOrderStore Store, IOrderFeed Feed)? CreateStoreWithFeedCapacity(int capacity) => null;

    // ---- creating and finding -------------------------------------------------------------------

    [Fact]
    public async Task Creating_orders_numbers_them_in_their_suppliers_own_sequence()
    {
        var (store, _) = await CreateWithSuppliersAsync();

        var first = await CreateAsync(store, Samples.NewOrder(Samples.Luigis));
        var second = await CreateAsync(store, Samples.NewOrder(Samples.Luigis));
        var otherSupplier = await CreateAsync(store, Samples.NewOrder(Samples.Napoli));

        Assert.Equal(["LUI-1", "LUI-2", "NAP-1"], new[] { first.SupplierTrackingId, second.SupplierTrackingId, otherSupplier.SupplierTrackingId });
    }

    [Fact]
    public async Task A_created_order_reads_back_as_it_was_stored()
    {
        var (store, _) = await CreateWithSuppliersAsync();
        var order = Samples.NewOrder(price: 12.34m, markup: 25m);

        var created = await CreateAsync(store, order);
        var read = await store.GetAsync(order.Id);

        Assert.NotNull(read);
        Assert.Equal(
            (order.Id, order.TrackingId, order.TrackingToken, "LUI-1", "luigis", "Luigi's Pizzeria", "Margherita", 12.34m, 25m, OrderStatus.PendingSupplier, 1L, Samples.At),
            (read.Id, read.TrackingId, read.TrackingToken, read.SupplierTrackingId, read.SupplierId, read.SupplierName, read.PizzaName, read.SupplierPrice, read.MarkupPercentage, read.Status, read.Version, read.CreatedAt));
        Assert.Equal(created.SupplierTrackingId, read.SupplierTrackingId);
    }

    [Fact]
    public async Task Creating_an_order_appends_order_created_to_the_feed_and_its_history()
    {
        var (store, feed) = await CreateWithSuppliersAsync();

        var order = await CreateAsync(store, Samples.NewOrder());

        var created = Assert.Single(await ReadAllAsync(feed));
        Assert.Equal((OrderEventTypes.Created, order.Id, 1L, Tester), (created.EventType, created.OrderId, created.Version, created.Actor));
        Assert.Equal("LUI-1", created.Order?.SupplierTrackingId);
        Assert.Equal(created.EventId, Assert.Single(await store.GetHistoryAsync(order.Id)).EventId);
    }

    [Fact]
    public async Task An_order_whose_tracking_id_is_taken_is_rejected_and_nothing_changes()
    {
        var (store, feed) = await CreateWithSuppliersAsync();
        await CreateAsync(store, Samples.NewOrder(trackingId: "12345678"));
        var feedBefore = await feed.GetLatestEventIdAsync();

        var duplicate = Samples.NewOrder(trackingId: "12345678");
        await Assert.ThrowsAsync<DuplicateTrackingCodeException>(() => CreateAsync(store, duplicate));

        Assert.Null(await store.GetAsync(duplicate.Id));
        Assert.Equal(feedBefore, await feed.GetLatestEventIdAsync());
        Assert.Equal(1, (await store.CountByStatusAsync()).GetValueOrDefault(OrderStatus.PendingSupplier));
        Assert.Equal("LUI-2", (await CreateAsync(store, Samples.NewOrder())).SupplierTrackingId);
    }

    [Fact]
    public async Task An_order_whose_tracking_token_is_taken_is_rejected_and_nothing_changes()
    {
        var (store, feed) = await CreateWithSuppliersAsync();
        var token = TrackingCodes.NewTrackingToken();
        await CreateAsync(store, Samples.NewOrder(trackingToken: token));
        var feedBefore = await feed.GetLatestEventIdAsync();

        var duplicate = Samples.NewOrder(trackingToken: token);
        await Assert.ThrowsAsync<DuplicateTrackingCodeException>(() => CreateAsync(store, duplicate));

        Assert.Null(await store.GetAsync(duplicate.Id));
        Assert.Equal(feedBefore, await feed.GetLatestEventIdAsync());
    }

    [Fact]
    public async Task An_order_is_found_by_its_tracking_id_token_and_supplier_tracking_id()
    {
        var (store, _) = await CreateWithSuppliersAsync();
        await CreateAsync(store, Samples.NewOrder());
        var order = await CreateAsync(store, Samples.NewOrder());

        Assert.Equal(order.Id, (await store.FindByTrackingIdAsync(order.TrackingId))?.Id);
        Assert.Equal(order.Id, (await store.FindByTrackingTokenAsync(order.TrackingToken))?.Id);
        Assert.Equal(order.Id, (await store.FindBySupplierTrackingIdAsync("LUI-2"))?.Id);
    }

    [Fact]
    public async Task Finding_by_a_code_no_order_has_finds_nothing()
    {
        var (store, _) = await CreateWithSuppliersAsync();
        await CreateAsync(store, Samples.NewOrder(trackingId: "11111111"));

        Assert.Null(await store.GetAsync(Guid.NewGuid()));
        Assert.Null(await store.FindByTrackingIdAsync("22222222"));
        Assert.Null(await store.FindByTrackingTokenAsync(TrackingCodes.NewTrackingToken()));
        Assert.Null(await store.FindBySupplierTrackingIdAsync("LUI-2"));
    }

    [Fact]
    public async Task Finding_after_a_change_returns_the_latest_snapshot()
    {
        var (store, _) = await CreateWithSuppliersAsync();
        var order = await CreateAsync(store, Samples.NewOrder());
        await MoveAsync(store, order, OrderStatus.SupplierAccepted);

        Assert.Equal(OrderStatus.SupplierAccepted, (await store.FindByTrackingTokenAsync(order.TrackingToken))?.Status);
    }

    // ---- listing and counting -------------------------------------------------------------------

    [Fact]
    public async Task Listing_by_status_returns_only_orders_in_those_statuses()
    {
        var (store, _) = await CreateWithSuppliersAsync();
        var pending = await CreateAsync(store, Samples.NewOrder());
        var accepted = await MoveAsync(store, await CreateAsync(store, Samples.NewOrder()), OrderStatus.SupplierAccepted);
        var rejected = await MoveAsync(store, await CreateAsync(store, Samples.NewOrder()), OrderStatus.SupplierRejected);

        var open = await store.ListAsync(new OrderQuery { Statuses = [OrderStatus.PendingSupplier, OrderStatus.SupplierAccepted] });

        Assert.Equal(new[] { pending.Id, accepted.Id }.Order(), open.Select(order => order.Id).Order());
        Assert.DoesNotContain(open, order => order.Id == rejected.Id);
    }

    [Fact]
    public async Task Listing_by_supplier_returns_only_that_suppliers_orders()
    {
        var (store, _) = await CreateWithSuppliersAsync();
        await CreateAsync(store, Samples.NewOrder(Samples.Luigis));
        var napoli = await CreateAsync(store, Samples.NewOrder(Samples.Napoli));

        var listed = await store.ListAsync(new OrderQuery { SupplierId = Samples.Napoli.Id });

        Assert.Equal(napoli.Id, Assert.Single(listed).Id);
    }

    [Fact]
    public async Task Listing_puts_the_most_recently_changed_order_first()
    {
        var (store, _) = await CreateWithSuppliersAsync();
        var first = await CreateAsync(store, Samples.NewOrder(at: Samples.At.AddMinutes(1)));
        var second = await CreateAsync(store, Samples.NewOrder(at: Samples.At.AddMinutes(2)));
        var third = await CreateAsync(store, Samples.NewOrder(at: Samples.At.AddMinutes(3)));
        Assert.Equal([third.Id, second.Id, first.Id], (await store.ListAsync(new OrderQuery())).Select(order => order.Id));

        await MoveAsync(store, first, OrderStatus.SupplierAccepted, Samples.At.AddMinutes(4));

        Assert.Equal([first.Id, third.Id, second.Id], (await store.ListAsync(new OrderQuery())).Select(order => order.Id));
    }

    [Fact]
    public async Task Listing_pages_with_limit_and_offset()
    {
        var (store, _) = await CreateWithSuppliersAsync();
        var ids = new List<Guid>();
        for (var minute = 1; minute <= 5; minute++)
        {
            ids.Insert(0, (await CreateAsync(store, Samples.NewOrder(at: Samples.At.AddMinutes(minute)))).Id);
        }

        var page1 = await store.ListAsync(new OrderQuery { Limit = 2 });
        var page2 = await store.ListAsync(new OrderQuery { Limit = 2, Offset = 2 });
        var page3 = await store.ListAsync(new OrderQuery { Limit = 2, Offset = 4 });
        var beyond = await store.ListAsync(new OrderQuery { Limit = 2, Offset = 5 });

        Assert.Equal(ids, page1.Concat(page2).Concat(page3).Select(order => order.Id));
        Assert.Single(page3);
        Assert.Empty(beyond);
    }

    [Fact]
    public async Task Counts_by_status_follow_every_change()
    {
        var (store, _) = await CreateWithSuppliersAsync();
        await CreateAsync(store, Samples.NewOrder());
        await CreateAsync(store, Samples.NewOrder());
        await MoveAsync(store, await CreateAsync(store, Samples.NewOrder()), OrderStatus.SupplierAccepted);

        var counts = await store.CountByStatusAsync();

        Assert.Equal(2, counts.GetValueOrDefault(OrderStatus.PendingSupplier));
        Assert.Equal(1, counts.GetValueOrDefault(OrderStatus.SupplierAccepted));
        Assert.Equal(3, counts.Values.Sum());
    }

    [Fact]
    public async Task An_empty_store_counts_nothing()
    {
        var (store, _) = CreateStore();

        Assert.All(await store.CountByStatusAsync(), count => Assert.Equal(0, count.Value));
        Assert.Empty(await store.ListAsync(new OrderQuery()));
    }

    // ---- applying transitions -------------------------------------------------------------------

    [Fact]
    public async Task Applying_a_transition_stores_the_next_snapshot_and_appends_its_event()
    {
        var (store, feed) = await CreateWithSuppliersAsync();
        var order = await CreateAsync(store, Samples.NewOrder());

        var accepted = await MoveAsync(store, order, OrderStatus.SupplierAccepted, Samples.At.AddMinutes(1));

        Assert.Equal((OrderStatus.SupplierAccepted, 2L), (accepted.Status, accepted.Version));
        Assert.Equal((OrderStatus.SupplierAccepted, 2L), ((await store.GetAsync(order.Id))!.Status, (await store.GetAsync(order.Id))!.Version));
        var events = await ReadAllAsync(feed);
        Assert.Equal([OrderEventTypes.Created, "order.supplier_accepted"], events.Select(change => change.EventType));
        Assert.Equal(2, events[1].Version);
    }

    [Fact]
    public async Task Applying_with_a_stale_version_is_a_conflict_and_changes_nothing()
    {
        var (store, feed) = await CreateWithSuppliersAsync();
        var order = await CreateAsync(store, Samples.NewOrder());
        var accepted = await MoveAsync(store, order, OrderStatus.SupplierAccepted);
        var before = await SnapshotAsync(store, feed, order.Id);

        var stale = Transition(accepted, OrderStatus.Cancelled) with { ExpectedVersion = 1 };
        var error = await Assert.ThrowsAsync<OrderConflictException>(() => store.ApplyAsync(stale));

        Assert.Equal(OrderStatus.SupplierAccepted, error.CurrentStatus);
        Assert.Equal(before, await SnapshotAsync(store, feed, order.Id));
    }

    [Fact]
    public async Task Applying_when_the_expected_status_no_longer_holds_is_a_conflict_and_changes_nothing()
    {
        var (store, feed) = await CreateWithSuppliersAsync();
        var order = await CreateAsync(store, Samples.NewOrder());
        var accepted = await MoveAsync(store, order, OrderStatus.SupplierAccepted);
        var before = await SnapshotAsync(store, feed, order.Id);

        var wrongStatus = Transition(accepted, OrderStatus.Cancelled) with { ExpectedStatus = OrderStatus.PendingSupplier };
        await Assert.ThrowsAsync<OrderConflictException>(() => store.ApplyAsync(wrongStatus));

        Assert.Equal(before, await SnapshotAsync(store, feed, order.Id));
    }

    [Fact]
    public async Task A_stale_command_whose_move_is_no_longer_possible_is_refused_and_changes_nothing()
    {
        var (store, feed) = await CreateWithSuppliersAsync();
        var order = await CreateAsync(store, Samples.NewOrder());
        await MoveAsync(store, order, OrderStatus.SupplierAccepted);
        var before = await SnapshotAsync(store, feed, order.Id);

        // Computed from version 1, when rejecting was still possible.
        var lateRejection = Transition(order, OrderStatus.SupplierRejected);
        var error = await Assert.ThrowsAnyAsync<OrderDomainException>(() => store.ApplyAsync(lateRejection));

        Assert.True(error is OrderConflictException or IllegalTransitionException, $"unexpected {error.GetType().Name}");
        Assert.Equal(before, await SnapshotAsync(store, feed, order.Id));
    }

    [Fact]
    public async Task A_move_outside_the_transition_table_is_refused_even_when_status_and_version_match()
    {
        var (store, feed) = await CreateWithSuppliersAsync();
        var order = await CreateAsync(store, Samples.NewOrder());
        var before = await SnapshotAsync(store, feed, order.Id);

        var skipAhead = new OrderTransition(
            order with { Status = OrderStatus.Delivered, Version = 2, DeliveredAt = Samples.At },
            OrderStatus.PendingSupplier, 1, "order.delivered", Tester, NewCommandId());
        var error = await Assert.ThrowsAsync<IllegalTransitionException>(() => store.ApplyAsync(skipAhead));

        Assert.Equal((OrderStatus.PendingSupplier, OrderStatus.Delivered), (error.Current, error.Requested));
        Assert.Equal(before, await SnapshotAsync(store, feed, order.Id));
    }

    [Fact]
    public async Task A_snapshot_that_does_not_advance_the_version_by_one_is_refused()
    {
        var (store, feed) = await CreateWithSuppliersAsync();
        var order = await CreateAsync(store, Samples.NewOrder());
        var before = await SnapshotAsync(store, feed, order.Id);

        var next = OrderChanges.MoveTo(order, OrderStatus.SupplierAccepted, Samples.At) with { Version = 5 };
        await Assert.ThrowsAnyAsync<OrderDomainException>(() =>
            store.ApplyAsync(new OrderTransition(next, OrderStatus.PendingSupplier, 1, "order.supplier_accepted", Tester, NewCommandId())));

        Assert.Equal(before, await SnapshotAsync(store, feed, order.Id));
    }

    [Fact]
    public async Task Applying_to_an_order_that_does_not_exist_is_not_found()
    {
        var (store, feed) = await CreateWithSuppliersAsync();

        await Assert.ThrowsAsync<OrderNotFoundException>(() => store.ApplyAsync(Transition(Samples.NewOrder(), OrderStatus.SupplierAccepted)));

        Assert.Null(await feed.GetLatestEventIdAsync());
    }

    [Fact]
    public async Task A_command_applied_twice_is_applied_once()
    {
        var (store, feed) = await CreateWithSuppliersAsync();
        var order = await CreateAsync(store, Samples.NewOrder());
        var accept = Transition(order, OrderStatus.SupplierAccepted);

        var first = await store.ApplyAsync(accept);
        var position = await feed.GetLatestEventIdAsync();
        var retry = await store.ApplyAsync(accept);

        Assert.Equal((first.Id, first.Status, first.Version), (retry.Id, retry.Status, retry.Version));
        Assert.Equal(position, await feed.GetLatestEventIdAsync());
        Assert.Equal(2, (await store.GetHistoryAsync(order.Id)).Count);
        Assert.Equal(2, (await store.GetAsync(order.Id))!.Version);
    }

    [Fact]
    public async Task A_remembered_command_id_answers_with_the_order_it_left()
    {
        var (store, _) = await CreateWithSuppliersAsync();
        var order = await CreateAsync(store, Samples.NewOrder());
        var accept = Transition(order, OrderStatus.SupplierAccepted);

        var applied = await store.ApplyAsync(accept);
        var remembered = await store.GetCommandResultAsync(accept.CommandId);

        Assert.NotNull(remembered);
        Assert.Equal((applied.Id, applied.Status, applied.Version), (remembered.Id, remembered.Status, remembered.Version));
    }

    [Fact]
    public async Task A_command_id_that_never_applied_has_no_result()
    {
        var (store, _) = await CreateWithSuppliersAsync();

        Assert.Null(await store.GetCommandResultAsync(NewCommandId()));
    }

    [Fact]
    public async Task A_one_time_claim_is_granted_to_the_first_caller_only()
    {
        var (store, _) = CreateStore();

        var claims = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => store.ClaimOnceAsync("seed")));

        Assert.Single(claims, granted => granted);
        Assert.True(await store.ClaimOnceAsync("another purpose"));
    }

    [Fact]
    public async Task Creating_twice_with_one_command_id_creates_one_order()
    {
        var (store, feed) = await CreateWithSuppliersAsync();
        var commandId = NewCommandId();

        var first = await store.CreateAsync(Samples.NewOrder(), Samples.Luigis, Tester, commandId);
        var retry = await store.CreateAsync(Samples.NewOrder(), Samples.Luigis, Tester, commandId);

        Assert.Equal(first.Id, retry.Id);
        Assert.Single(await ReadAllAsync(feed));
        Assert.Single(await store.ListAsync(new OrderQuery()));
    }

    // ---- history --------------------------------------------------------------------------------

    [Fact]
    public async Task The_history_has_one_event_per_change_in_order_with_versions_1_to_n()
    {
        var (store, _) = await CreateWithSuppliersAsync();
        var order = await CreateAsync(store, Samples.NewOrder());
        var path = new[] { OrderStatus.SupplierAccepted, OrderStatus.CustomerAccepted, OrderStatus.Preparing, OrderStatus.Ready, OrderStatus.Cancelled };
        foreach (var status in path)
        {
            order = await MoveAsync(store, order, status);
        }

        var history = await store.GetHistoryAsync(order.Id);

        Assert.Equal([1L, 2L, 3L, 4L, 5L, 6L], history.Select(change => change.Version));
        Assert.Equal(
            [OrderEventTypes.Created, .. path.Select(OrderEventTypes.ForStatus)],
            history.Select(change => change.EventType));
        Assert.All(history, change => Assert.Equal(change.Version, change.Order?.Version));
    }

    [Fact]
    public async Task The_history_of_one_order_holds_none_of_another()
    {
        var (store, _) = await CreateWithSuppliersAsync();
        var order = await CreateAsync(store, Samples.NewOrder());
        var other = await CreateAsync(store, Samples.NewOrder());
        await MoveAsync(store, other, OrderStatus.SupplierAccepted);

        Assert.All(await store.GetHistoryAsync(order.Id), change => Assert.Equal(order.Id, change.OrderId));
        Assert.Empty(await store.GetHistoryAsync(Guid.NewGuid()));
    }

    [Fact]
    public async Task History_events_carry_their_feed_positions()
    {
        var (store, feed) = await CreateWithSuppliersAsync();
        var order = await CreateAsync(store, Samples.NewOrder());
        await MoveAsync(store, order, OrderStatus.SupplierAccepted);

        var fromFeed = (await ReadAllAsync(feed)).Where(change => change.OrderId == order.Id).Select(change => change.EventId);

        Assert.Equal(fromFeed, (await store.GetHistoryAsync(order.Id)).Select(change => change.EventId));
    }

    // ---- the feed -------------------------------------------------------------------------------

    [Fact]
    public async Task An_empty_feed_has_no_latest_position()
    {
        var (_, feed) = CreateStore();

        Assert.Null(await feed.GetLatestEventIdAsync());
    }

    [Fact]
    public async Task The_feed_returns_the_events_after_a_position_in_order()
    {
        var (store, feed) = await CreateWithSuppliersAsync();
        var first = await CreateAsync(store, Samples.NewOrder());
        var position = await feed.GetLatestEventIdAsync();
        var second = await CreateAsync(store, Samples.NewOrder());
        await MoveAsync(store, first, OrderStatus.SupplierAccepted);

        var batch = await feed.ReadAfterAsync(position, 100, TimeSpan.Zero);

        Assert.False(batch.Trimmed);
        Assert.Equal(
            [(OrderEventTypes.Created, second.Id), ("order.supplier_accepted", first.Id)],
            batch.Events.Select(change => (change.EventType, change.OrderId!.Value)));
        Assert.Equal(await feed.GetLatestEventIdAsync(), batch.Events[^1].EventId);
    }

    [Fact]
    public async Task A_feed_read_returns_at_most_the_count_asked_for_and_continues_from_there()
    {
        var (store, feed) = await CreateWithSuppliersAsync();
        for (var i = 0; i < 5; i++)
        {
            await CreateAsync(store, Samples.NewOrder());
        }

        var first = await feed.ReadAfterAsync(null, 3, TimeSpan.Zero);
        var rest = await feed.ReadAfterAsync(first.Events[^1].EventId, 3, TimeSpan.Zero);

        Assert.Equal(3, first.Events.Count);
        Assert.Equal(2, rest.Events.Count);
        Assert.Equal(5, first.Events.Concat(rest.Events).Select(change => change.EventId).Distinct().Count());
    }

    [Fact]
    public async Task A_feed_read_with_nothing_new_returns_an_empty_batch_after_its_wait()
    {
        var (store, feed) = await CreateWithSuppliersAsync();
        await CreateAsync(store, Samples.NewOrder());

        var batch = await feed.ReadAfterAsync(await feed.GetLatestEventIdAsync(), 10, TimeSpan.FromMilliseconds(50));

        Assert.Empty(batch.Events);
        Assert.False(batch.Trimmed);
    }

    [Fact]
    public async Task A_reader_waiting_on_the_feed_wakes_when_an_event_lands()
    {
        var (store, feed) = await CreateWithSuppliersAsync();
        await CreateAsync(store, Samples.NewOrder());

        var waiting = feed.ReadAfterAsync(await feed.GetLatestEventIdAsync(), 10, TimeSpan.FromMinutes(2));
        Assert.False(waiting.IsCompleted);
        var order = await CreateAsync(store, Samples.NewOrder());
        var batch = await waiting.WaitAsync(Eventually.Patience);

        Assert.Equal(order.Id, Assert.Single(batch.Events).OrderId);
    }

    [Fact]
    public async Task A_reader_waiting_on_the_feed_stops_when_cancelled()
    {
        var (_, feed) = CreateStore();
        using var cancel = new CancellationTokenSource();

        var waiting = feed.ReadAfterAsync(null, 10, TimeSpan.FromMinutes(2), cancel.Token);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting.WaitAsync(Eventually.Patience));
    }

    [Fact]
    public async Task A_position_trimmed_out_of_the_feed_is_reported_as_trimmed()
    {
        if (CreateStoreWithFeedCapacity(3) is not { } small)
        {
            return;
        }

        var (store, feed) = small;

        await store.SaveSupplierAsync(Samples.Luigis);
        await CreateAsync(store, Samples.NewOrder());
        var oldPosition = await feed.GetLatestEventIdAsync();
        for (var i = 0; i < 10; i++)
        {
            await CreateAsync(store, Samples.NewOrder());
        }

        var batch = await feed.ReadAfterAsync(oldPosition, 100, TimeSpan.Zero);

        Assert.True(batch.Trimmed);
        Assert.Empty(batch.Events);
    }

    // ---- drivers and suppliers ------------------------------------------------------------------

    [Fact]
    public async Task Saved_suppliers_are_listed()
    {
        var (store, _) = await CreateWithSuppliersAsync();
        await store.SaveSupplierAsync(Samples.Napoli with { Name = "Napoli Express Downtown" });

        var suppliers = await store.ListSuppliersAsync();

        Assert.Equal(2, suppliers.Count);
        Assert.Contains(suppliers, supplier => supplier.Name == "Napoli Express Downtown");
    }

    [Fact]
    public async Task A_suppliers_pickup_location_is_kept()
    {
        var (store, _) = CreateStore();
        var located = Samples.Luigis with { Latitude = 40.7191, Longitude = -73.9973 };

        await store.SaveSupplierAsync(located);

        Assert.Equal(located, Assert.Single(await store.ListSuppliersAsync()));
    }

    [Fact]
    public async Task A_supplier_without_a_pickup_location_reads_back_without_one()
    {
        var (store, _) = CreateStore();

        await store.SaveSupplierAsync(Samples.Napoli);

        var stored = Assert.Single(await store.ListSuppliersAsync());
        Assert.Equal((Samples.Napoli, (double?)null, (double?)null), (stored, stored.Latitude, stored.Longitude));
    }

    [Fact]
    public async Task The_nearest_available_drivers_are_suggested_nearest_first_with_their_distance()
    {
        var (store, _) = CreateStore();
        await store.SaveDriverAsync(Samples.Ana with { Latitude = 40.7128, Longitude = -74.0060 }, Tester);
        await store.SaveDriverAsync(Samples.Ben with { Latitude = 40.7580, Longitude = -73.9855 }, Tester);

        var nearest = await store.FindNearestAvailableDriversAsync(40.7500, -73.9900, 5);

        Assert.Equal(["drv-ben", "drv-ana"], nearest.Select(candidate => candidate.Driver.Id));
        Assert.Equal(DriverDistance.Between(40.7500, -73.9900, 40.7580, -73.9855), nearest[0].Kilometres, 0.01);
    }

    [Fact]
    public async Task A_reported_position_is_stored_without_touching_the_drivers_assignment()
    {
        var (store, feed) = await CreateWithSuppliersAsync();
        await store.SaveDriverAsync(Samples.Ana, Tester);
        var order = await store.ApplyAsync(Dispatch(await ReadyOrderAsync(store), Samples.Ana));
        var position = await feed.GetLatestEventIdAsync();

        var moved = await store.ReportDriverPositionAsync("drv-ana", 40.75, -73.99, Samples.At, Tester);

        var stored = (await store.GetDriverAsync("drv-ana"))!;
        Assert.Equal((40.75, -73.99, DriverStatus.Busy, order.Id), (stored.Latitude!.Value, stored.Longitude!.Value, stored.Status, stored.OrderId!.Value));
        Assert.Equal((moved.Latitude, moved.Status), (stored.Latitude, stored.Status));
        var events = (await feed.ReadAfterAsync(position, 10, TimeSpan.Zero)).Events;
        Assert.Equal(OrderEventTypes.DriverUpdated, Assert.Single(events).EventType);
    }

    [Fact]
    public async Task Reporting_the_position_of_a_driver_who_does_not_exist_is_refused()
    {
        var (store, _) = CreateStore();

        var refused = await Assert.ThrowsAsync<OrderValidationException>(() => store.ReportDriverPositionAsync("nobody", 1, 1, Samples.At, Tester));

        Assert.Equal("driver_id", refused.Field);
    }

    [Fact]
    public async Task Busy_drivers_and_drivers_without_a_position_are_not_suggested()
    {
        var (store, _) = CreateStore();
        await store.SaveDriverAsync(Samples.Ana with { Latitude = 40.7128, Longitude = -74.0060, Status = DriverStatus.Busy }, Tester);
        await store.SaveDriverAsync(Samples.Ben, Tester);

        Assert.Empty(await store.FindNearestAvailableDriversAsync(40.7500, -73.9900, 5));
    }

    [Fact]
    public async Task Saving_a_driver_stores_them_and_appends_driver_updated()
    {
        var (store, feed) = CreateStore();

        await store.SaveDriverAsync(Samples.Ana, Tester);

        Assert.Equal("Ana Lopez", (await store.GetDriverAsync(Samples.Ana.Id))?.Name);
        Assert.Equal(Samples.Ana.Id, Assert.Single(await store.ListDriversAsync()).Id);
        var updated = Assert.Single(await ReadAllAsync(feed));
        Assert.Equal((OrderEventTypes.DriverUpdated, Samples.Ana.Id, (Guid?)null), (updated.EventType, updated.Driver?.Id, updated.OrderId));
    }

    [Fact]
    public async Task Assigning_an_available_driver_makes_them_busy_on_the_order()
    {
        var (store, feed) = await CreateWithSuppliersAsync();
        await store.SaveDriverAsync(Samples.Ana, Tester);
        var ready = await ReadyOrderAsync(store);
        var position = await feed.GetLatestEventIdAsync();

        var dispatched = await store.ApplyAsync(Dispatch(ready, Samples.Ana));

        var driver = await store.GetDriverAsync(Samples.Ana.Id);
        Assert.Equal((DriverStatus.Busy, (Guid?)ready.Id), (driver!.Status, driver.OrderId));
        Assert.Equal(Samples.Ana.Id, dispatched.DriverId);
        var events = (await feed.ReadAfterAsync(position, 10, TimeSpan.Zero)).Events;
        Assert.Equal(["order.dispatched", OrderEventTypes.DriverUpdated], events.Select(change => change.EventType));
        Assert.Equal(DriverStatus.Busy, events[1].Driver?.Status);
    }

    [Fact]
    public async Task Assigning_a_busy_driver_is_a_conflict_and_writes_nothing()
    {
        var (store, feed) = await CreateWithSuppliersAsync();
        await store.SaveDriverAsync(Samples.Ana with { Status = DriverStatus.Busy }, Tester);
        var ready = await ReadyOrderAsync(store);
        var before = await SnapshotAsync(store, feed, ready.Id);

        await Assert.ThrowsAsync<OrderConflictException>(() => store.ApplyAsync(Dispatch(ready, Samples.Ana)));

        Assert.Equal(before, await SnapshotAsync(store, feed, ready.Id));
        Assert.Equal((DriverStatus.Busy, (Guid?)null), ((await store.GetDriverAsync(Samples.Ana.Id))!.Status, (await store.GetDriverAsync(Samples.Ana.Id))!.OrderId));
    }

    [Fact]
    public async Task Assigning_a_driver_on_break_is_refused_naming_the_driver_and_their_status_in_words()
    {
        var (store, _) = await CreateWithSuppliersAsync();
        await store.SaveDriverAsync(Samples.Ana with { Status = DriverStatus.OnBreak }, Tester);
        var ready = await ReadyOrderAsync(store);

        var refusal = await Assert.ThrowsAsync<OrderConflictException>(() => store.ApplyAsync(Dispatch(ready, Samples.Ana)));

        Assert.Equal((Samples.Ana.Name, "on break"), (refusal.UnavailableDriver, refusal.DriverStatus));
        Assert.Equal($"driver {Samples.Ana.Name} is on break; choose an available driver", refusal.Message);
    }

    [Fact]
    public async Task Assigning_a_driver_that_does_not_exist_is_refused_and_writes_nothing()
    {
        var (store, feed) = await CreateWithSuppliersAsync();
        var ready = await ReadyOrderAsync(store);
        var before = await SnapshotAsync(store, feed, ready.Id);

        await Assert.ThrowsAnyAsync<OrderDomainException>(() => store.ApplyAsync(Dispatch(ready, Samples.Ben)));

        Assert.Equal(before, await SnapshotAsync(store, feed, ready.Id));
    }

    [Fact]
    public async Task Releasing_a_driver_makes_them_available_again()
    {
        var (store, _) = await CreateWithSuppliersAsync();
        await store.SaveDriverAsync(Samples.Ana, Tester);
        var order = await store.ApplyAsync(Dispatch(await ReadyOrderAsync(store), Samples.Ana));
        order = await MoveAsync(store, order, OrderStatus.InTransit);

        var delivered = OrderChanges.MoveTo(order, OrderStatus.Delivered, Samples.At);
        await store.ApplyAsync(Transition(order, delivered) with { Drivers = [DriverAssignment.Release(Samples.Ana.Id)] });

        var driver = await store.GetDriverAsync(Samples.Ana.Id);
        Assert.Equal((DriverStatus.Available, (Guid?)null), (driver!.Status, driver.OrderId));
    }

    [Fact]
    public async Task Reassigning_frees_the_previous_driver_and_busies_the_new_one_in_the_same_write()
    {
        var (store, feed) = await CreateWithSuppliersAsync();
        await store.SaveDriverAsync(Samples.Ana, Tester);
        await store.SaveDriverAsync(Samples.Ben, Tester);
        var dispatched = await store.ApplyAsync(Dispatch(await ReadyOrderAsync(store), Samples.Ana));
        var position = await feed.GetLatestEventIdAsync();

        var reassigned = await store.ApplyAsync(Reassign(dispatched, from: Samples.Ana, to: Samples.Ben));

        var ana = await store.GetDriverAsync(Samples.Ana.Id);
        var ben = await store.GetDriverAsync(Samples.Ben.Id);
        Assert.Equal((DriverStatus.Available, (Guid?)null), (ana!.Status, ana.OrderId));
        Assert.Equal((DriverStatus.Busy, (Guid?)dispatched.Id), (ben!.Status, ben.OrderId));
        Assert.Equal((OrderStatus.Dispatched, Samples.Ben.Id, dispatched.Version + 1), (reassigned.Status, reassigned.DriverId, reassigned.Version));
        var events = (await feed.ReadAfterAsync(position, 10, TimeSpan.Zero)).Events;
        Assert.Equal([OrderEventTypes.Reassigned, OrderEventTypes.DriverUpdated, OrderEventTypes.DriverUpdated], events.Select(change => change.EventType));
        Assert.Equal([(Samples.Ana.Id, DriverStatus.Available), (Samples.Ben.Id, DriverStatus.Busy)], events.Skip(1).Select(change => (change.Driver!.Id, change.Driver.Status)));
    }

    [Fact]
    public async Task A_reassigned_order_is_still_counted_and_listed_as_dispatched()
    {
        var (store, _) = await CreateWithSuppliersAsync();
        await store.SaveDriverAsync(Samples.Ana, Tester);
        await store.SaveDriverAsync(Samples.Ben, Tester);
        var dispatched = await store.ApplyAsync(Dispatch(await ReadyOrderAsync(store), Samples.Ana));

        await store.ApplyAsync(Reassign(dispatched, from: Samples.Ana, to: Samples.Ben));

        Assert.Equal(1, (await store.CountByStatusAsync())[OrderStatus.Dispatched]);
        Assert.Equal(dispatched.Id, Assert.Single(await store.ListAsync(new OrderQuery { Statuses = [OrderStatus.Dispatched] })).Id);
    }

    [Fact]
    public async Task Reassigning_to_a_busy_driver_is_a_conflict_and_writes_nothing()
    {
        var (store, feed) = await CreateWithSuppliersAsync();
        await store.SaveDriverAsync(Samples.Ana, Tester);
        await store.SaveDriverAsync(Samples.Ben with { Status = DriverStatus.Busy }, Tester);
        var dispatched = await store.ApplyAsync(Dispatch(await ReadyOrderAsync(store), Samples.Ana));
        var before = await SnapshotAsync(store, feed, dispatched.Id);

        await Assert.ThrowsAsync<OrderConflictException>(() => store.ApplyAsync(Reassign(dispatched, from: Samples.Ana, to: Samples.Ben)));

        Assert.Equal(before, await SnapshotAsync(store, feed, dispatched.Id));
        var ana = await store.GetDriverAsync(Samples.Ana.Id);
        Assert.Equal((DriverStatus.Busy, (Guid?)dispatched.Id), (ana!.Status, ana.OrderId));
    }

    [Fact]
    public async Task A_reassignment_of_an_order_that_went_in_transit_meanwhile_is_refused_and_writes_nothing()
    {
        var (store, feed) = await CreateWithSuppliersAsync();
        await store.SaveDriverAsync(Samples.Ana, Tester);
        await store.SaveDriverAsync(Samples.Ben, Tester);
        var dispatched = await store.ApplyAsync(Dispatch(await ReadyOrderAsync(store), Samples.Ana));
        var inTransit = await MoveAsync(store, dispatched, OrderStatus.InTransit);
        var before = await SnapshotAsync(store, feed, inTransit.Id);

        var refused = await Assert.ThrowsAsync<IllegalTransitionException>(() => store.ApplyAsync(Reassign(dispatched, from: Samples.Ana, to: Samples.Ben)));

        Assert.Equal(OrderStatus.InTransit, refused.Current);
        Assert.Equal(before, await SnapshotAsync(store, feed, inTransit.Id));
        Assert.Equal(DriverStatus.Available, (await store.GetDriverAsync(Samples.Ben.Id))!.Status);
    }

    // ---- helpers --------------------------------------------------------------------------------

    /// <summary>What a refused write must leave exactly as it was.</summary>
    private sealed record StoreSnapshot(OrderStatus Status, long Version, DateTimeOffset UpdatedAt, string? DriverId, int HistoryCount, string? FeedPosition);

    private async Task<(IOrderStore Store, IOrderFeed Feed)> CreateWithSuppliersAsync()
    {
        var (store, feed) = CreateStore();
        await store.SaveSupplierAsync(Samples.Luigis);
        await store.SaveSupplierAsync(Samples.Napoli);
        return (store, new FeedAfterSetup(feed, await feed.GetLatestEventIdAsync()));
    }

    private static Task<Order> CreateAsync(IOrderStore store, Order order)
    {
        var supplier = order.SupplierId == Samples.Napoli.Id ? Samples.Napoli : Samples.Luigis;
        return store.CreateAsync(order, supplier, Tester, NewCommandId());
    }

    private static Task<Order> MoveAsync(IOrderStore store, Order order, OrderStatus to, DateTimeOffset? at = null) =>
        store.ApplyAsync(Transition(order, OrderChanges.MoveTo(order, to, at ?? order.UpdatedAt)));

    private static OrderTransition Transition(Order order, OrderStatus to) =>
        Transition(order, OrderChanges.MoveTo(order, to, order.UpdatedAt));

    private static OrderTransition Transition(Order order, Order next) =>
        new(next, order.Status, order.Version, OrderEventTypes.ForStatus(next.Status), Tester, NewCommandId());

    private static OrderTransition Dispatch(Order ready, Driver driver) =>
        Transition(ready, OrderChanges.Dispatch(ready, driver.Id, driver.Name, driver.Phone, ready.UpdatedAt))
            with { Drivers = [DriverAssignment.Assign(driver.Id, ready.Id)] };

    private static OrderTransition Reassign(Order dispatched, Driver from, Driver to) =>
        new OrderTransition(
            OrderChanges.Reassign(dispatched, to.Id, to.Name, to.Phone, dispatched.UpdatedAt), dispatched.Status, dispatched.Version,
            OrderEventTypes.Reassigned, Tester, NewCommandId())
        {
            Drivers = [DriverAssignment.Release(from.Id), DriverAssignment.Assign(to.Id, dispatched.Id)],
        };

    private static async Task<Order> ReadyOrderAsync(IOrderStore store)
    {
        var order = await CreateAsync(store, Samples.NewOrder());
        foreach (var status in new[] { OrderStatus.SupplierAccepted, OrderStatus.CustomerAccepted, OrderStatus.Preparing, OrderStatus.Ready })
        {
            order = await MoveAsync(store, order, status);
        }

        return order;
    }

    private static async Task<StoreSnapshot> SnapshotAsync(IOrderStore store, IOrderFeed feed, Guid orderId)
    {
        var order = await store.GetAsync(orderId) ?? throw new InvalidOperationException($"order {orderId} is missing");
        var history = await store.GetHistoryAsync(orderId);
        return new StoreSnapshot(order.Status, order.Version, order.UpdatedAt, order.DriverId, history.Count, await feed.GetLatestEventIdAsync());
    }

    private static async Task<IReadOnlyList<OrderEvent>> ReadAllAsync(IOrderFeed feed)
    {
        var events = new List<OrderEvent>();
        string? position = null;
        while (true)
        {
            var batch = await feed.ReadAfterAsync(position, 100, TimeSpan.Zero);
            if (batch.Events.Count == 0)
            {
                return events;
            }

            events.AddRange(batch.Events);
            position = batch.Events[^1].EventId;
        }
    }

    private static string NewCommandId() => Guid.NewGuid().ToString("N");
}
