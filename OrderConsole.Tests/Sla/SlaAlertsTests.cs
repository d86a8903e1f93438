using OrderConsole.Core.Orders;
using OrderConsole.Core.Sla;
using OrderConsole.Tests.Support;

namespace OrderConsole.Tests.Sla;

/// <summary>Which alert an order is due: at risk when the prediction passes the estimate, late past the threshold, each once.</summary>
public sealed class SlaAlertsTests
{
    private static readonly TimeSpan s_threshold = TimeSpan.FromMinutes(10);

    // Accepted at 12:00 with 30 minutes: the estimate is 12:30.
    private static readonly Order s_preparing = Samples.InStatus(OrderStatus.Preparing) with
    {
        SupplierRespondedAt = Samples.At,
        EstimatedDeliveryTime = 30,
    };

    private static readonly DateTimeOffset s_eta = Samples.At.AddMinutes(30);

    [Fact]
    public void An_order_predicted_after_its_estimate_is_at_risk()
    {
        Assert.Equal(SlaAlert.AtRisk, SlaAlerts.Due(s_preparing, s_eta.AddMinutes(1), Samples.At.AddMinutes(20), s_threshold));
    }

    [Fact]
    public void An_order_predicted_by_its_estimate_is_due_nothing()
    {
        Assert.Null(SlaAlerts.Due(s_preparing, s_eta, Samples.At.AddMinutes(20), s_threshold));
    }

    [Fact]
    public void An_order_already_at_risk_is_not_at_risk_again()
    {
        var flagged = SlaAlerts.Flag(s_preparing, SlaAlert.AtRisk, s_eta.AddMinutes(5), Samples.At.AddMinutes(20));

        Assert.Null(SlaAlerts.Due(flagged, s_eta.AddMinutes(9), Samples.At.AddMinutes(25), s_threshold));
    }

    [Fact]
    public void An_order_past_its_estimate_by_more_than_the_threshold_is_late_even_when_it_was_at_risk()
    {
        var flagged = SlaAlerts.Flag(s_preparing, SlaAlert.AtRisk, s_eta.AddMinutes(5), Samples.At.AddMinutes(20));

        Assert.Equal(SlaAlert.Late, SlaAlerts.Due(flagged, s_eta.AddMinutes(15), s_eta.AddMinutes(11), s_threshold));
    }

    [Fact]
    public void An_order_within_the_threshold_is_not_late_yet()
    {
        Assert.Null(SlaAlerts.Due(s_preparing with { AtRiskAt = Samples.At }, s_eta.AddMinutes(15), s_eta.AddMinutes(10), s_threshold));
    }

    [Fact]
    public void A_late_order_is_due_nothing_more()
    {
        var late = SlaAlerts.Flag(s_preparing, SlaAlert.Late, predicted: null, s_eta.AddMinutes(11));

        Assert.Null(SlaAlerts.Due(late, s_eta.AddMinutes(30), s_eta.AddMinutes(20), s_threshold));
    }

    [Fact]
    public void A_delivered_order_is_never_flagged()
    {
        var delivered = s_preparing with { Status = OrderStatus.Delivered, DeliveredAt = s_eta.AddMinutes(30) };

        Assert.Null(SlaAlerts.Due(delivered, s_eta.AddMinutes(40), s_eta.AddMinutes(40), s_threshold));
    }

    [Fact]
    public void A_flag_is_one_version_on_and_keeps_the_status()
    {
        var flagged = SlaAlerts.Flag(s_preparing, SlaAlert.AtRisk, s_eta.AddMinutes(5), Samples.At.AddMinutes(20));

        Assert.Equal((OrderStatus.Preparing, s_preparing.Version + 1, Samples.At.AddMinutes(20), s_eta.AddMinutes(5)),
            (flagged.Status, flagged.Version, flagged.AtRiskAt!.Value, flagged.PredictedArrival!.Value));
    }
}
