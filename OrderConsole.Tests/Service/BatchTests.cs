using OrderConsole.Core.Drivers;
using OrderConsole.Core.Events;
using OrderConsole.Core.Orders;
using OrderConsole.Core.Service;
using OrderConsole.Tests.Support;

namespace OrderConsole.Tests.Service;

/// <summary>
/// Batches through the service: each step is checked as its own command would be, against the orders as the
/// earlier steps leave them, and a refused step refuses the whole batch with a rollback event.
/// </summary>
public sealed class BatchTests
{
    private const string Correlation = "corr-42";

    [Fact]
    public async Task A_batch_walks_an_order_through_several_steps_as_the_single_commands_would()
    {
        var market = await Marketplace.OpenAsync();
        var order = await market.CreateOrderAsync();

        var applied = await market.Orders.ApplyBatchAsync(Marketplace.Admin,
        [
            Step("order.supplier_accepted", order, ("notes", "Fresh basil"), ("estimated_time", "35")),
            Step("order.customer_accepted", order, ("customer_name", "Maya Patel"), ("customer_phone", "+1 555 0142"), ("delivery_address", "12 Harbor St")),
            Step("order.preparing", order),
            Step("order.ready", order),
            Step("order.dispatched", order, ("driver_name", "ana lopez")),
        ], Correlation);

        var stored = (await market.Store.GetAsync(order.Id))!;
        Assert.Equal(5, applied.EventsProcessed);
        Assert.Equal(
            (OrderStatus.Dispatched, 6L, "Fresh basil", 35, "Maya Patel", 13.00m, "drv-ana"),
            (stored.Status, stored.Version, stored.SupplierNotes, stored.EstimatedDeliveryTime, stored.CustomerName, stored.CustomerPrice, stored.DriverId));
        Assert.Equal(DriverStatus.Busy, (await market.Store.GetDriverAsync("drv-ana"))!.Status);
        Assert.All((await market.Store.GetHistoryAsync(order.Id)).Skip(1), change => Assert.Equal(Correlation, change.CorrelationId));
    }

    [Fact]
    public async Task A_batch_may_dispatch_an_order_and_then_reassign_it_leaving_the_first_driver_free()
    {
        var market = await Marketplace.OpenAsync();
        var order = await market.OrderInStatusAsync(OrderStatus.Ready);

        await market.Orders.ApplyBatchAsync(Marketplace.Dispatcher,
            [Step("order.dispatched", order, ("driver_id", "drv-ana")), Step("order.reassigned", order, ("driver_id", "drv-ben"))], Correlation);

        Assert.Equal(("drv-ben", DriverStatus.Available, DriverStatus.Busy),
            ((await market.Store.GetAsync(order.Id))!.DriverId, (await market.Store.GetDriverAsync("drv-ana"))!.Status, (await market.Store.GetDriverAsync("drv-ben"))!.Status));
        Assert.Equal(["order.dispatched", "order.reassigned"], (await market.Store.GetHistoryAsync(order.Id)).TakeLast(2).Select(change => change.EventType));
    }

    [Fact]
    public async Task A_supplier_including_another_suppliers_order_has_the_whole_batch_refused()
    {
        var market = await Marketplace.OpenAsync();
        var own = await market.OrderInStatusAsync(OrderStatus.CustomerAccepted);
        var napolis = await market.CreateOrderAsync(Marketplace.NapoliSupplier, supplierId: "napoli");

        var failed = await Assert.ThrowsAsync<BatchFailedException>(() => market.Orders.ApplyBatchAsync(Marketplace.LuigisSupplier,
            [Step("order.preparing", own), Step("order.supplier_accepted", napolis, ("estimated_time", "20"))], Correlation));

        Assert.Equal(1, failed.Index);
        Assert.IsType<OrderNotFoundException>(failed.Reason);
        Assert.Equal((OrderStatus.CustomerAccepted, OrderStatus.PendingSupplier), ((await market.Store.GetAsync(own.Id))!.Status, (await market.Store.GetAsync(napolis.Id))!.Status));
    }

    [Fact]
    public async Task A_batch_the_service_refuses_publishes_one_rollback_event_and_no_order_events()
    {
        var market = await Marketplace.OpenAsync();
        var own = await market.OrderInStatusAsync(OrderStatus.CustomerAccepted);
        var napolis = await market.CreateOrderAsync(Marketplace.NapoliSupplier, supplierId: "napoli");
        var position = await market.Feed.GetLatestEventIdAsync();

        var failed = await Assert.ThrowsAsync<BatchFailedException>(() => market.Orders.ApplyBatchAsync(Marketplace.LuigisSupplier,
            [Step("order.preparing", own), Step("order.supplier_accepted", napolis, ("estimated_time", "20"))], Correlation));

        var rolledBack = Assert.Single((await market.Feed.ReadAfterAsync(position, 100, TimeSpan.Zero)).Events);
        Assert.Equal((OrderEventTypes.BatchRolledBack, Correlation, "sam", failed.Message), (rolledBack.EventType, rolledBack.CorrelationId, rolledBack.Actor, rolledBack.Detail));
    }

    [Fact]
    public async Task A_step_the_actors_role_may_not_make_refuses_the_batch()
    {
        var market = await Marketplace.OpenAsync();
        var order = await market.OrderInStatusAsync(OrderStatus.SupplierAccepted);

        var failed = await Assert.ThrowsAsync<BatchFailedException>(() => market.Orders.ApplyBatchAsync(Marketplace.Customer,
            [Step("order.customer_accepted", order, ("customer_name", "Maya"), ("delivery_address", "12 Harbor St")), Step("order.preparing", order)], Correlation));

        Assert.Equal(1, failed.Index);
        Assert.IsType<ForbiddenOrderActionException>(failed.Reason);
        Assert.Equal(OrderStatus.SupplierAccepted, (await market.Store.GetAsync(order.Id))!.Status);
    }

    [Fact]
    public async Task An_unknown_event_type_refuses_the_batch_naming_the_step()
    {
        var market = await Marketplace.OpenAsync();
        var order = await market.CreateOrderAsync();

        var failed = await Assert.ThrowsAsync<BatchFailedException>(() => market.Orders.ApplyBatchAsync(Marketplace.Admin,
            [Step("order.supplier_accepted", order, ("estimated_time", "20")), Step("order.teleported", order)], Correlation));

        Assert.Equal("event_type", Assert.IsType<OrderValidationException>(failed.Reason).Field);
        Assert.StartsWith($"event 2 (order {order.ShortId}…): \"order.teleported\"", failed.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_step_missing_a_field_its_command_needs_refuses_the_batch_naming_the_field()
    {
        var market = await Marketplace.OpenAsync();
        var order = await market.OrderInStatusAsync(OrderStatus.SupplierAccepted);

        var failed = await Assert.ThrowsAsync<BatchFailedException>(() => market.Orders.ApplyBatchAsync(Marketplace.Admin,
            [Step("order.customer_accepted", order, ("customer_name", "Maya"))], Correlation));

        Assert.Equal((0, "delivery_address"), (failed.Index, Assert.IsType<OrderValidationException>(failed.Reason).Field));
        Assert.Equal(OrderStatus.SupplierAccepted, (await market.Store.GetAsync(order.Id))!.Status);
    }

    [Fact]
    public async Task A_step_that_cannot_follow_the_step_before_it_refuses_the_batch()
    {
        var market = await Marketplace.OpenAsync();
        var order = await market.OrderInStatusAsync(OrderStatus.CustomerAccepted);

        var failed = await Assert.ThrowsAsync<BatchFailedException>(() => market.Orders.ApplyBatchAsync(Marketplace.LuigisSupplier,
            [Step("order.preparing", order), Step("order.ready", order), Step("order.preparing", order)], Correlation));

        Assert.Equal(
            $"event 3 (order {order.ShortId}… ready → preparing): order {order.ShortId}… is ready; it cannot go to preparing",
            failed.Message);
        Assert.Equal(OrderStatus.CustomerAccepted, (await market.Store.GetAsync(order.Id))!.Status);
    }

    [Fact]
    public async Task A_repeated_batch_with_the_same_correlation_id_applies_once()
    {
        var market = await Marketplace.OpenAsync();
        var order = await market.CreateOrderAsync();
        IReadOnlyList<BatchStep> steps = [Step("order.supplier_accepted", order, ("estimated_time", "20"))];

        var first = await market.Orders.ApplyBatchAsync(Marketplace.Admin, steps, Correlation);
        var position = await market.Feed.GetLatestEventIdAsync();
        var repeat = await market.Orders.ApplyBatchAsync(Marketplace.Admin, steps, Correlation);

        Assert.Equal((first.AppliedAt, 2L), (repeat.AppliedAt, repeat.Orders.Single().Version));
        Assert.Equal(position, await market.Feed.GetLatestEventIdAsync());
    }

    [Fact]
    public async Task An_empty_batch_is_refused()
    {
        var market = await Marketplace.OpenAsync();

        var refused = await Assert.ThrowsAsync<OrderValidationException>(() => market.Orders.ApplyBatchAsync(Marketplace.Admin, [], Correlation));

        Assert.Equal("events", refused.Field);
    }

    [Fact]
    public void A_steps_json_data_becomes_text_fields_with_numbers_kept_as_written()
    {
        using var json = System.Text.Json.JsonDocument.Parse("""{"estimated_time": 35, "notes": "Extra hot", "driver_id": null}""");

        var data = BatchStep.DataFrom(json.RootElement);

        Assert.Equal(35, new BatchStep("order.supplier_accepted", Guid.NewGuid(), data).WholeNumber("estimated_time"));
        Assert.Equal(("Extra hot", (string?)null), (data["notes"], data["driver_id"]));
    }

    private static BatchStep Step(string eventType, Order order, params (string Field, string Value)[] data) =>
        new(eventType, order.Id, data.ToDictionary(pair => pair.Field, pair => (string?)pair.Value));
}
