using System.Net;
using System.Text.RegularExpressions;
using OrderConsole.Components.Controls;
using OrderConsole.Core.Drivers;
using OrderConsole.Core.Events;
using OrderConsole.Core.Orders;
using OrderConsole.Tests.Support;

namespace OrderConsole.Tests.Components;

/// <summary>The controls of the delivery tracker and the dashboard, rendered to HTML.</summary>
public sealed partial class TrackingControlMarkupTests
{
    private static readonly DateTimeOffset s_now = Samples.At;

    [Theory]
    [InlineData(OrderStatus.Ready, 0)]
    [InlineData(OrderStatus.Dispatched, 33)]
    [InlineData(OrderStatus.InTransit, 66)]
    [InlineData(OrderStatus.Delivered, 100)]
    [InlineData(OrderStatus.Cancelled, 0)]
    public async Task Delivery_progress_is_a_progressbar_at_0_33_66_or_100_percent(OrderStatus status, int percent)
    {
        var html = await RenderAsync<DeliveryProgress>(new Dictionary<string, object?> { ["Status"] = status });

        Assert.Contains("role=\"progressbar\" aria-label=\"Delivery progress\"", html, StringComparison.Ordinal);
        Assert.Contains($"aria-valuenow=\"{percent}\"", html, StringComparison.Ordinal);
        Assert.Contains($"width: {percent}%", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Delivery_progress_says_the_stage_in_words()
    {
        var html = WebUtility.HtmlDecode(await RenderAsync<DeliveryProgress>(new Dictionary<string, object?> { ["Status"] = OrderStatus.InTransit }));

        Assert.Contains("aria-valuetext=\"66 % — in transit\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_lifecycle_marks_steps_done_the_current_step_and_steps_to_come()
    {
        var order = Samples.InStatus(OrderStatus.Preparing) with
        {
            SupplierRespondedAt = s_now, CustomerAcceptedAt = s_now, PreparingAt = s_now,
        };

        var steps = Steps(await RenderStepsAsync(order));

        Assert.Equal(
            [
                ("Created", "done"), ("Supplier accepted", "done"), ("Customer accepted", "done"), ("Preparing", "current"),
                ("Ready", "upcoming"), ("Dispatched", "upcoming"), ("In transit", "upcoming"), ("Delivered", "upcoming"),
            ],
            steps.Select(step => (step.Label, step.State)));
        Assert.Equal(["Preparing"], steps.Where(step => step.AriaCurrent).Select(step => step.Label));
    }

    [Fact]
    public async Task A_delivered_order_has_every_step_behind_it_and_delivery_as_the_current_step()
    {
        var steps = Steps(await RenderStepsAsync(Samples.InStatus(OrderStatus.Delivered) with { DeliveredAt = s_now }));

        Assert.All(steps.SkipLast(1), step => Assert.Equal("done", step.State));
        Assert.Equal(("Delivered", "current", true), (steps[^1].Label, steps[^1].State, steps[^1].AriaCurrent));
    }

    [Fact]
    public async Task A_rejected_order_ends_at_a_rejected_step_with_nothing_to_come()
    {
        var order = Samples.InStatus(OrderStatus.SupplierRejected) with { SupplierRespondedAt = s_now, RejectionReason = "Out of dough" };

        var steps = Steps(await RenderStepsAsync(order));

        Assert.Equal([("Created", "done"), ("Rejected", "stopped")], steps.Select(step => (step.Label, step.State)));
        Assert.True(steps[^1].AriaCurrent);
    }

    [Fact]
    public async Task A_cancelled_order_shows_the_steps_it_reached_then_cancelled()
    {
        var order = Samples.InStatus(OrderStatus.Cancelled) with
        {
            SupplierRespondedAt = s_now, CustomerAcceptedAt = s_now, CancelledAt = s_now, CancellationReason = "Customer left",
        };

        var steps = Steps(await RenderStepsAsync(order));

        Assert.Equal(["Created", "Supplier accepted", "Customer accepted", "Cancelled"], steps.Select(step => step.Label));
        Assert.Equal("stopped", steps[^1].State);
    }

    [Fact]
    public async Task Each_lifecycle_step_tells_screen_readers_its_state_in_words()
    {
        var html = await RenderStepsAsync(Samples.InStatus(OrderStatus.PendingSupplier));

        Assert.Contains("<span class=\"visually-hidden\">(current step)</span>", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"visually-hidden\">(to come)</span>", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(754, "12:34 left")]
    [InlineData(3723, "1:02:03 left")]
    [InlineData(0.4, "0:00 left")]
    [InlineData(0, "overdue by 0:00")]
    [InlineData(-45, "overdue by 0:45")]
    public async Task The_ETA_countdown_shows_the_time_left_or_how_long_overdue(double secondsLeft, string text)
    {
        var html = await RenderAsync<EtaCountdown>(new Dictionary<string, object?>
        {
            ["Until"] = s_now.AddSeconds(secondsLeft),
            ["Now"] = s_now,
        });

        Assert.Contains("role=\"timer\" aria-label=\"Time to estimated arrival\"", html, StringComparison.Ordinal);
        Assert.EndsWith($">{text}</span>", html.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_overdue_ETA_is_marked_overdue()
    {
        var html = await RenderAsync<EtaCountdown>(new Dictionary<string, object?> { ["Until"] = s_now.AddMinutes(-1), ["Now"] = s_now });

        Assert.Contains("class=\"eta-countdown overdue\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_event_line_says_who_did_what_to_which_order_and_when()
    {
        var order = Samples.InStatus(OrderStatus.Ready) with { SupplierTrackingId = "LUI-3" };

        var text = await RenderEventTextAsync(Change("order.ready", order, "supplier1", s_now.AddMinutes(-2)));

        Assert.Equal("supplier1 marked LUI-3 ready · 2 min ago", text);
    }

    [Fact]
    public async Task An_event_line_links_the_order_to_its_tracker()
    {
        var order = Samples.InStatus(OrderStatus.Preparing) with { SupplierTrackingId = "LUI-3" };

        var html = await RenderEventAsync(Change("order.preparing", order, "supplier1", s_now));

        Assert.Contains($"<a href=\"tracker/{order.Id}\">LUI-3</a>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task On_the_tracker_an_event_line_calls_the_order_the_order()
    {
        var order = Samples.InStatus(OrderStatus.Dispatched) with { SupplierTrackingId = "LUI-3", DriverName = "Ana Lopez" };

        var text = await RenderEventTextAsync(Change("order.dispatched", order, "dispatcher", s_now), showOrder: false);

        Assert.Equal("dispatcher dispatched the order with Ana Lopez · just now", text);
    }

    [Fact]
    public async Task An_event_line_tells_a_reassignment_by_the_new_drivers_name()
    {
        var order = Samples.InStatus(OrderStatus.Dispatched) with { SupplierTrackingId = "LUI-3", DriverName = "Ben Okafor" };

        var text = await RenderEventTextAsync(Change(OrderEventTypes.Reassigned, order, "dispatcher", s_now));

        Assert.Equal("dispatcher reassigned LUI-3 to Ben Okafor · just now", text);
    }

    [Theory]
    [InlineData("order.supplier_rejected", "supplier1 rejected LUI-3: Out of dough · just now")]
    [InlineData("order.cancelled", "supplier1 cancelled LUI-3: Customer left · just now")]
    public async Task An_event_line_gives_the_reason_of_a_rejection_or_cancellation(string eventType, string text)
    {
        var order = Samples.InStatus(OrderStatus.Cancelled) with
        {
            SupplierTrackingId = "LUI-3", RejectionReason = "Out of dough", CancellationReason = "Customer left",
        };

        Assert.Equal(text, await RenderEventTextAsync(Change(eventType, order, "supplier1", s_now)));
    }

    [Fact]
    public async Task An_event_line_tells_a_driver_change_by_the_drivers_name_and_status()
    {
        var change = OrderEvent.ForDriver(Samples.Ana with { Status = DriverStatus.OnBreak, UpdatedAt = s_now }, "dispatcher") with { EventId = "7" };

        Assert.Equal("dispatcher updated driver Ana Lopez: on break · just now", await RenderEventTextAsync(change));
    }

    [Fact]
    public async Task An_event_line_encodes_what_people_typed()
    {
        var order = Samples.InStatus(OrderStatus.SupplierRejected) with { RejectionReason = "<script>x</script>" };

        var html = await RenderEventAsync(Change("order.supplier_rejected", order, "supplier1", s_now));

        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
    }

    /// <summary>Renders without the scoped-CSS attributes (<c>b-…</c>), which change from build to build.</summary>
    private static async Task<string> RenderAsync<TComponent>(Dictionary<string, object?> parameters)
        where TComponent : Microsoft.AspNetCore.Components.IComponent =>
        ScopeAttribute().Replace(await ControlRenderer.RenderAsync<TComponent>(parameters), string.Empty);

    private static OrderEvent Change(string eventType, Order order, string actor, DateTimeOffset at) =>
        OrderEvent.ForOrder(eventType, order with { UpdatedAt = at }, actor, correlationId: null) with { EventId = "1" };

    private static Task<string> RenderStepsAsync(Order order) =>
        RenderAsync<LifecycleSteps>(new Dictionary<string, object?> { ["Order"] = order, ["Now"] = s_now });

    private static Task<string> RenderEventAsync(OrderEvent change, bool showOrder = true) =>
        RenderAsync<EventLine>(new Dictionary<string, object?> { ["Event"] = change, ["ShowOrder"] = showOrder, ["Now"] = s_now });

    /// <summary>The line as a person reads it: tags dropped, entities decoded, whitespace collapsed.</summary>
    private static async Task<string> RenderEventTextAsync(OrderEvent change, bool showOrder = true)
    {
        var html = await RenderEventAsync(change, showOrder);
        return Whitespace().Replace(WebUtility.HtmlDecode(Tag().Replace(html, string.Empty)), " ").Trim();
    }

    private static List<(string Label, string State, bool AriaCurrent)> Steps(string html) =>
        [.. StepItem().Matches(html).Select(match => (match.Groups["label"].Value, match.Groups["state"].Value, match.Groups["current"].Success))];

    [GeneratedRegex("<li class=\"lifecycle-step (?<state>\\w+)\"(?<current> aria-current=\"step\")?>.*?<span class=\"lifecycle-label\">(?<label>[^<]*)</span>", RegexOptions.Singleline)]
    private static partial Regex StepItem();

    [GeneratedRegex(" b-[a-z0-9]{10}\\b")]
    private static partial Regex ScopeAttribute();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tag();

    [GeneratedRegex("\\s+")]
    private static partial Regex Whitespace();
}
