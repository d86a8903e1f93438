using Bunit;
using OrderConsole.Components.Controls;
using OrderConsole.Core.Events;
using OrderConsole.Core.Orders;
using OrderConsole.Tests.Components.Pages;
using OrderConsole.Tests.Support;

namespace OrderConsole.Tests.Components.Controls;

/// <summary>The SLA watcher's alerts in the activity feed and timelines: the predicted arrival against the ETA, how late.</summary>
public sealed class SlaEventLineTests : ControlTestContext
{
    // Accepted at 11:30 with 60 minutes: the ETA is 12:30.
    private static readonly Order s_order = Samples.InStatus(OrderStatus.Preparing) with
    {
        SupplierTrackingId = "LUI-3",
        SupplierRespondedAt = Start.AddMinutes(-30),
        EstimatedDeliveryTime = 60,
    };

    [Fact]
    public void An_at_risk_alert_gives_the_predicted_arrival_and_the_eta()
    {
        var flagged = s_order with { AtRiskAt = Start, PredictedArrival = Start.AddMinutes(40) };

        var line = RenderLine(OrderEvent.ForOrder(OrderEventTypes.AtRisk, flagged with { UpdatedAt = Start }, "sla", null) with { EventId = "1" });

        Assert.Equal("sla flagged LUI-3 — At risk: predicted 12:40 UTC, ETA 12:30 UTC · just now", line.Find(".event-line").Text());
    }

    [Fact]
    public void A_late_alert_says_by_how_much()
    {
        var at = Start.AddMinutes(38);
        var late = s_order with { LateAt = at, UpdatedAt = at };

        var line = RenderLine(OrderEvent.ForOrder(OrderEventTypes.Late, late, "sla", null) with { EventId = "2" });

        Assert.StartsWith("sla flagged LUI-3 — Late by 8 min", line.Find(".event-line").Text(), StringComparison.Ordinal);
    }

    private IRenderedComponent<EventLine> RenderLine(OrderEvent change) => Render<EventLine>(parameters => parameters.Add(control => control.Event, change));
}
