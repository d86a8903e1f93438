using Bunit;
using OrderConsole.Components.Controls;
using OrderConsole.Core.Drivers;
using OrderConsole.Core.Events;
using OrderConsole.Core.Orders;
using OrderConsole.Tests.Components.Pages;
using OrderConsole.Tests.Support;

namespace OrderConsole.Tests.Components.Controls;

/// <summary>One line of the activity feed in bUnit: who did what to which order, and how long ago by the console's clock.</summary>
public sealed class EventLineTests : ControlTestContext
{
    [Fact]
    public void A_line_says_who_did_what_to_which_order_and_when()
    {
        var order = Samples.InStatus(OrderStatus.Ready) with { SupplierTrackingId = "LUI-3" };

        var line = RenderLine(Change("order.ready", order, "supplier1", Start.AddMinutes(-2)));

        Assert.Equal("supplier1 marked LUI-3 ready · 2 min ago", line.Find(".event-line").Text());
    }

    [Fact]
    public void The_order_links_to_its_tracker()
    {
        var order = Samples.InStatus(OrderStatus.Preparing) with { SupplierTrackingId = "LUI-3" };

        var link = RenderLine(Change("order.preparing", order, "supplier1", Start)).Find("a");

        Assert.Equal(("LUI-3", $"tracker/{order.Id}"), (link.TextContent, link.GetAttribute("href")));
    }

    [Fact]
    public void On_the_tracker_the_line_calls_the_order_the_order_and_links_nowhere()
    {
        var order = Samples.InStatus(OrderStatus.Dispatched) with { SupplierTrackingId = "LUI-3", DriverName = "Ana Lopez" };

        var line = RenderLine(Change("order.dispatched", order, "dispatcher", Start), showOrder: false);

        Assert.Equal("dispatcher dispatched the order with Ana Lopez · just now", line.Find(".event-line").Text());
        Assert.Empty(line.FindAll("a"));
    }

    [Fact]
    public void A_reassignment_names_the_new_driver()
    {
        var order = Samples.InStatus(OrderStatus.Dispatched) with { SupplierTrackingId = "LUI-3", DriverName = "Ben Okafor" };

        var line = RenderLine(Change(OrderEventTypes.Reassigned, order, "dispatcher", Start));

        Assert.Equal("dispatcher reassigned LUI-3 to Ben Okafor · just now", line.Find(".event-line").Text());
    }

    [Fact]
    public void An_auto_dispatch_gives_its_reason_after_the_driver()
    {
        var order = Samples.InStatus(OrderStatus.Dispatched) with { SupplierTrackingId = "LUI-3", DriverName = "Ana Lopez" };
        var change = Change("order.dispatched", order, "auto-dispatch", Start) with { Detail = "nearest available 1.2 km; Ben Okafor 0.8 km on break" };

        var line = RenderLine(change);

        Assert.Equal("auto-dispatch dispatched LUI-3 with Ana Lopez — nearest available 1.2 km; Ben Okafor 0.8 km on break · just now", line.Find(".event-line").Text());
    }

    [Fact]
    public void No_driver_nearby_says_so_with_its_reason()
    {
        var order = Samples.InStatus(OrderStatus.Ready) with { SupplierTrackingId = "LUI-3" };
        var change = Change(OrderEventTypes.NoDriverNearby, order, "auto-dispatch", Start) with { Detail = "no available driver within 6.0 km of the pickup" };

        var line = RenderLine(change);

        Assert.Equal("auto-dispatch found no driver nearby for LUI-3 — no available driver within 6.0 km of the pickup · just now", line.Find(".event-line").Text());
    }

    [Theory]
    [InlineData("order.supplier_rejected", "supplier1 rejected LUI-3: Out of dough · just now")]
    [InlineData("order.cancelled", "supplier1 cancelled LUI-3: Customer left · just now")]
    public void A_rejection_or_cancellation_gives_its_reason(string eventType, string text)
    {
        var order = Samples.InStatus(OrderStatus.Cancelled) with
        {
            SupplierTrackingId = "LUI-3", RejectionReason = "Out of dough", CancellationReason = "Customer left",
        };

        Assert.Equal(text, RenderLine(Change(eventType, order, "supplier1", Start)).Find(".event-line").Text());
    }

    [Fact]
    public void A_driver_change_names_the_driver_and_their_status_in_words()
    {
        var change = OrderEvent.ForDriver(Samples.Ana with { Status = DriverStatus.OnBreak, UpdatedAt = Start }, "dispatcher") with { EventId = "7" };

        Assert.Equal("dispatcher updated driver Ana Lopez: on break · just now", RenderLine(change).Find(".event-line").Text());
    }

    [Fact]
    public void As_the_clock_moves_on_the_line_says_how_long_ago_it_happened()
    {
        var order = Samples.InStatus(OrderStatus.Ready) with { SupplierTrackingId = "LUI-3" };
        var line = RenderLine(Change("order.ready", order, "supplier1", Start));

        Clock.Advance(TimeSpan.FromMinutes(12));
        line.Render(_ => { });

        Assert.Equal("12 min ago", line.Find(".event-when time").TextContent);
    }

    [Fact]
    public void A_line_whose_event_and_words_read_the_same_is_not_drawn_again_when_its_page_re_renders()
    {
        var change = Change("order.ready", Samples.InStatus(OrderStatus.Ready) with { SupplierTrackingId = "LUI-3" }, "supplier1", Start);
        var line = RenderLine(change);

        Clock.Advance(TimeSpan.FromSeconds(10));
        line.Render(parameters => parameters.Add(control => control.Event, change));

        Assert.Equal(1, line.RenderCount);
    }

    [Fact]
    public void What_people_typed_is_shown_as_text_never_as_markup()
    {
        var order = Samples.InStatus(OrderStatus.SupplierRejected) with { SupplierTrackingId = "LUI-3", RejectionReason = "<script>x</script>" };

        var line = RenderLine(Change("order.supplier_rejected", order, "supplier1", Start));

        Assert.Contains("rejected LUI-3: <script>x</script>", line.Find(".event-line").TextContent, StringComparison.Ordinal);
        Assert.Empty(line.FindAll("script"));
    }

    private IRenderedComponent<EventLine> RenderLine(OrderEvent change, bool showOrder = true) =>
        Render<EventLine>(parameters => parameters.Add(control => control.Event, change).Add(control => control.ShowOrder, showOrder));

    private static OrderEvent Change(string eventType, Order order, string actor, DateTimeOffset at) =>
        OrderEvent.ForOrder(eventType, order with { UpdatedAt = at }, actor, correlationId: null) with { EventId = "1" };
}
