using AngleSharp.Dom;
using Bunit;
using OrderConsole.Components.Controls;
using OrderConsole.Core.Orders;
using OrderConsole.Tests.Support;

namespace OrderConsole.Tests.Components.Controls;

/// <summary>The order's lifecycle in bUnit: steps done, the current step, steps to come, and where a stopped order ended.</summary>
public sealed class LifecycleStepsTests : ControlTestContext
{
    [Fact]
    public void The_steps_behind_the_order_are_done_its_step_is_current_and_the_rest_are_to_come()
    {
        var order = Samples.InStatus(OrderStatus.Preparing) with { SupplierRespondedAt = Start, CustomerAcceptedAt = Start, PreparingAt = Start };

        var steps = Steps(RenderSteps(order));

        Assert.Equal(
            [
                ("Created", "done"), ("Supplier accepted", "done"), ("Customer accepted", "done"), ("Preparing", "current"),
                ("Ready", "upcoming"), ("Dispatched", "upcoming"), ("In transit", "upcoming"), ("Delivered", "upcoming"),
            ],
            steps.Select(step => (step.Label, step.State)));
        Assert.Equal(["Preparing"], steps.Where(step => step.AriaCurrent).Select(step => step.Label));
    }

    [Fact]
    public void A_delivered_order_has_every_step_behind_it_and_delivery_as_the_current_step()
    {
        var steps = Steps(RenderSteps(Samples.InStatus(OrderStatus.Delivered) with { DeliveredAt = Start }));

        Assert.All(steps.SkipLast(1), step => Assert.Equal("done", step.State));
        Assert.Equal(("Delivered", "current", true), (steps[^1].Label, steps[^1].State, steps[^1].AriaCurrent));
    }

    [Fact]
    public void A_rejected_order_ends_at_a_rejected_step_with_nothing_to_come()
    {
        var order = Samples.InStatus(OrderStatus.SupplierRejected) with { SupplierRespondedAt = Start, RejectionReason = "Out of dough" };

        var steps = Steps(RenderSteps(order));

        Assert.Equal([("Created", "done"), ("Rejected", "stopped")], steps.Select(step => (step.Label, step.State)));
        Assert.True(steps[^1].AriaCurrent);
    }

    [Fact]
    public void A_cancelled_order_shows_the_steps_it_reached_then_cancelled()
    {
        var order = Samples.InStatus(OrderStatus.Cancelled) with
        {
            SupplierRespondedAt = Start, CustomerAcceptedAt = Start, CancelledAt = Start, CancellationReason = "Customer left",
        };

        var steps = Steps(RenderSteps(order));

        Assert.Equal(["Created", "Supplier accepted", "Customer accepted", "Cancelled"], steps.Select(step => step.Label));
        Assert.Equal("stopped", steps[^1].State);
    }

    [Fact]
    public void Each_step_tells_screen_readers_its_state_in_words()
    {
        var steps = RenderSteps(Samples.InStatus(OrderStatus.PendingSupplier)).FindAll(".lifecycle-step");

        Assert.Equal("(current step)", steps[0].QuerySelector(".visually-hidden")!.TextContent);
        Assert.All(steps.Skip(1), step => Assert.Equal("(to come)", step.QuerySelector(".visually-hidden")!.TextContent));
    }

    [Fact]
    public void A_step_reached_says_how_long_ago_by_the_consoles_clock()
    {
        var order = Samples.InStatus(OrderStatus.SupplierAccepted) with { CreatedAt = Start, SupplierRespondedAt = Start.AddMinutes(4) };
        Clock.Advance(TimeSpan.FromMinutes(10));

        var steps = RenderSteps(order).FindAll(".lifecycle-step");

        Assert.Equal("10 min ago", steps[0].QuerySelector("time")!.TextContent);
        Assert.Equal("6 min ago", steps[1].QuerySelector("time")!.TextContent);
        Assert.Null(steps[2].QuerySelector("time"));
    }

    [Fact]
    public void When_the_order_moves_on_the_current_step_moves_with_it()
    {
        var ready = Samples.InStatus(OrderStatus.Ready);
        var lifecycle = RenderSteps(ready);

        lifecycle.Render(parameters => parameters.Add(control => control.Order, ready with { Status = OrderStatus.Dispatched, DispatchedAt = Start }));

        var steps = Steps(lifecycle);
        Assert.Equal(("Ready", "done"), (steps[4].Label, steps[4].State));
        Assert.Equal(["Dispatched"], steps.Where(step => step.AriaCurrent).Select(step => step.Label));
    }

    private IRenderedComponent<LifecycleSteps> RenderSteps(Order order) =>
        Render<LifecycleSteps>(parameters => parameters.Add(control => control.Order, order));

    private static List<(string Label, string State, bool AriaCurrent)> Steps(IRenderedComponent<LifecycleSteps> lifecycle)
    {
        Assert.Equal("Order lifecycle", lifecycle.Find("[aria-label='Order lifecycle']").GetAttribute("aria-label"));
        return [.. lifecycle.FindAll(".lifecycle-step").Select(step => (
            step.QuerySelector(".lifecycle-label")!.TextContent,
            StateOf(step),
            step.GetAttribute("aria-current") == "step"))];
    }

    private static string StateOf(IElement step) =>
        new[] { "done", "current", "stopped", "upcoming" }.Single(state => step.ClassList.Contains(state));
}
